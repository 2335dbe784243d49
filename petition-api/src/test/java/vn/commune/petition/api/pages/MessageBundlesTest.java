package vn.commune.petition.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.commune.petition.api.page.Forms;
import vn.commune.petition.api.petition.Timeline;
import vn.commune.petition.api.security.Role;
import vn.commune.petition.api.session.ReceptionSchedule;
import vn.commune.petition.domain.NamedRule;
import vn.commune.petition.domain.deadline.Complexity;
import vn.commune.petition.domain.deadline.Timeliness;
import vn.commune.petition.domain.petition.Channel;
import vn.commune.petition.domain.petition.MediationOutcome;
import vn.commune.petition.domain.petition.PetitionEvent;
import vn.commune.petition.domain.petition.PetitionKind;
import vn.commune.petition.domain.petition.PetitionStatus;
import vn.commune.petition.domain.petition.PetitionStep;
import vn.commune.petition.domain.session.RefusalGround;
import vn.commune.petition.domain.session.SessionKind;
import vn.commune.petition.domain.session.VisitOutcome;
import vn.commune.petition.projections.petition.FindInRegister;

/**
 * Every word a page shows comes from the bundles, in Vietnamese and in English: every named rule
 * as a sentence, every enum a page shows, every step of a timeline, every key a template names.
 */
class MessageBundlesTest {

    private static final Properties VIETNAMESE = bundle("messages.properties");
    private static final Properties ENGLISH = bundle("messages_en.properties");

    private static final Map<String, Class<? extends Enum<?>>> SHOWN = Map.ofEntries(
            Map.entry("status", PetitionStatus.class), Map.entry("kind", PetitionKind.class),
            Map.entry("channel", Channel.class), Map.entry("complexity", Complexity.class),
            Map.entry("mediationOutcome", MediationOutcome.class), Map.entry("timeliness", Timeliness.class),
            Map.entry("sessionKind", SessionKind.class), Map.entry("visitOutcome", VisitOutcome.class),
            Map.entry("refusalGround", RefusalGround.class), Map.entry("role", Role.class),
            // the reception calendar
            Map.entry("dayStatus", ReceptionSchedule.DayStatus.class), Map.entry("dayOfWeek", DayOfWeek.class),
            Map.entry("dayOfWeek.short", DayOfWeek.class), Map.entry("month", Month.class),
            // the petition page's actions and the register's orders
            Map.entry("action", PetitionStep.class), Map.entry("register.sort", FindInRegister.Order.class));

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static void assertInBoth(Set<String> keys) {
        assertThat(VIETNAMESE.stringPropertyNames()).as("in messages.properties").containsAll(keys);
        assertThat(ENGLISH.stringPropertyNames()).as("in messages_en.properties").containsAll(keys);
    }

    @Test
    void both_languages_have_the_same_keys() {
        assertThat(new TreeSet<>(ENGLISH.stringPropertyNames())).isEqualTo(new TreeSet<>(VIETNAMESE.stringPropertyNames()));
    }

    /** Every constant of every NamedRule enum of the service, found in the compiled classes, not listed by hand. */
    @Test
    void every_named_rule_reads_as_a_sentence_in_both_languages() {
        Set<String> keys = new LinkedHashSet<>();
        List<String> enums = new ArrayList<>();
        for (JavaClass rule : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.commune.petition").that(
                        com.tngtech.archunit.base.DescribedPredicate.describe("named rules",
                                c -> c.isEnum() && c.isAssignableTo(NamedRule.class)))) {
            enums.add(rule.getSimpleName());
            for (Object constant : rule.reflect().getEnumConstants()) {
                keys.add("rule." + ((NamedRule) constant).name());
            }
        }
        assertThat(enums).contains("PetitionRule", "SessionRule", "DossierRule");
        assertInBoth(keys);
        assertThat(VIETNAMESE.getProperty("rule.PETITION_CLOSED")).isEqualTo("Đơn đã kết thúc, không thể thêm bước xử lý.");
    }

    /** The rule names the API reports besides the domain's ({@code problem.setProperty("rule", "…")}). */
    @Test
    void every_rule_the_api_names_reads_as_a_sentence_too() throws IOException {
        Set<String> keys = new LinkedHashSet<>(Set.of("rule." + Forms.CONCURRENT_STEP));
        Pattern named = Pattern.compile("setProperty\\(\"rule\",\\s*\"([A-Z_]+)\"\\)");
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = named.matcher(Files.readString(source));
                while (matcher.find()) {
                    keys.add("rule." + matcher.group(1));
                }
            }
        }
        assertThat(keys).contains("rule.CONCURRENT_STEP", "rule.REBUILD_RUNNING", "rule.REPORT_INVARIANT_BROKEN");
        assertInBoth(keys);
    }

    @Test
    void every_enum_a_page_shows_has_a_label_in_both_languages() {
        Set<String> keys = new LinkedHashSet<>();
        SHOWN.forEach((prefix, type) -> {
            for (Enum<?> constant : type.getEnumConstants()) {
                keys.add(prefix + "." + constant.name());
            }
        });
        assertInBoth(keys);
    }

    @Test
    void every_step_of_a_timeline_has_a_name_in_both_languages() {
        Set<String> keys = new LinkedHashSet<>();
        PetitionEvent.types().forEach(type -> keys.add("step." + type.getSimpleName()));
        assertThat(keys).hasSize(PetitionEvent.types().size()).contains("step.PetitionReceived");
        assertInBoth(keys);
    }

    /** What a timeline shows of a step, each detail labelled ({@code timeline.<key>}). */
    @Test
    void every_detail_a_timeline_shows_has_a_label_in_both_languages() {
        Set<String> keys = new LinkedHashSet<>();
        Timeline.DETAILS.forEach(key -> keys.add("timeline." + key));
        assertThat(keys).contains("timeline.dueOn", "timeline.documentNumber");
        assertInBoth(keys);
    }

    /** A literal key in a template ({@code #{home.today}} or {@code #{signin.throttled(${n})}}) that no bundle has shows as ??key??. */
    @Test
    void every_key_a_template_names_is_in_both_bundles() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
        try (Stream<Path> templates = Files.walk(Path.of("src", "main", "resources", "templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literal.matcher(Files.readString(template));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        assertThat(keys).contains("signin.title", "home.today");
        assertInBoth(keys);
    }

    @Test
    void vietnamese_is_written_with_its_diacritics() {
        assertThat(VIETNAMESE.getProperty("signin.title")).isEqualTo("Đăng nhập");
        assertThat(VIETNAMESE.getProperty("kind.DENUNCIATION")).isEqualTo("Tố cáo");
    }
}
