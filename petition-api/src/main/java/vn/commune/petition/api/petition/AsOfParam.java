package vn.commune.petition.api.petition;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** {@code ?asOf=yyyy-MM-dd}: the day a question is asked about; today in the commune when absent. */
record AsOfParam(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {

    LocalDate dayOr(LocalDate today) {
        return asOf == null ? today : asOf;
    }
}
