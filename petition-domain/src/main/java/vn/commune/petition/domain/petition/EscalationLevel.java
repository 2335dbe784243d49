package vn.commune.petition.domain.petition;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import vn.commune.petition.domain.law.LawVersion;

/**
 * Where an escalated petition goes. Since two-tier local government (1 July 2025) there are no
 * districts: what the commune cannot settle goes to the province, its bodies, or a court. Escalations
 * stored before that name no level (their free text says which district); {@link #DISTRICT} is for
 * steps dated before that day only.
 */
public enum EscalationLevel {
    /** Chủ tịch UBND cấp tỉnh: a second complaint against the commune Chairman's decision, a denunciation against commune leaders. */
    PROVINCIAL_CHAIR,
    /** Thanh tra tỉnh. */
    PROVINCIAL_INSPECTORATE,
    /** Sở, ngành cấp tỉnh. */
    PROVINCIAL_DEPARTMENT,
    /** Công an tỉnh. */
    PROVINCIAL_POLICE,
    /** Tòa án. */
    COURT,
    /** Another body, named in the free text. */
    OTHER,
    /** UBND cấp huyện: before 1 July 2025 only. */
    DISTRICT;

    /** The levels an escalation dated {@code day} may name: no district from 1 July 2025. */
    public static List<EscalationLevel> existingOn(LocalDate day) {
        boolean twoTier = LawVersion.TWO_TIER_2025.inForceOn(day);
        return Arrays.stream(values()).filter(level -> !(twoTier && level == DISTRICT)).toList();
    }
}
