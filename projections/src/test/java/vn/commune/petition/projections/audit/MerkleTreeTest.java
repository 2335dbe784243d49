package vn.commune.petition.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import vn.commune.petition.projections.audit.MerkleTree.Peaks;
import org.junit.jupiter.api.Test;

/**
 * A seal grown from the peaks of the last one has the root a seal over every event has always had:
 * old seals verify unchanged, and so do new ones by a verifier that knows only RFC 6962.
 */
class MerkleTreeTest {

    @Test
    void the_root_grown_from_peaks_seal_after_seal_equals_the_root_over_every_hash() {
        Random random = new Random(18);
        for (int trial = 0; trial < 200; trial++) {
            int total = trial < 70 ? trial : random.nextInt(5_000);
            List<String> hashes = hashes(random, total);
            Peaks grown = Peaks.empty();
            int sealed = 0;
            while (sealed < total) {
                int upTo = sealed + 1 + random.nextInt(Math.max(1, total / 3));
                upTo = Math.min(total, upTo);
                // A seal keeps only its size and its peaks; the next starts from them.
                Peaks kept = Peaks.decode(grown.size(), grown.encoded());
                for (int i = sealed; i < upTo; i++) {
                    kept.append(hashes.get(i));
                }
                grown = kept;
                sealed = upTo;
                assertThat(grown.root()).as("%d leaves", sealed).isEqualTo(MerkleTree.root(hashes.subList(0, sealed)));
            }
            assertThat(grown.size()).isEqualTo(total);
            assertThat(grown.root()).isEqualTo(MerkleTree.root(hashes));
        }
    }

    @Test
    void the_tree_over_nothing_is_the_hash_of_nothing_either_way() {
        assertThat(Peaks.empty().root()).isEqualTo(MerkleTree.root(List.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void peaks_that_do_not_fit_the_size_are_refused() {
        Peaks three = Peaks.empty();
        hashes(new Random(1), 3).forEach(three::append);
        assertThat(three.encoded().split(" ")).hasSize(2);
        assertThatThrownBy(() -> Peaks.decode(4, three.encoded())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> hashes(Random random, int count) {
        List<String> hashes = new ArrayList<>(count);
        byte[] hash = new byte[32];
        for (int i = 0; i < count; i++) {
            random.nextBytes(hash);
            hashes.add(HexFormat.of().formatHex(hash));
        }
        return hashes;
    }
}
