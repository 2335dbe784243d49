package vn.commune.petition.domain.session;

/**
 * Người đến tiếp: who came to a visit in person, as Luật 136/2025/QH15 asks the register to record
 * (họ tên, địa chỉ, số giấy tờ tùy thân). Personal data, confidential for a denunciation: the field
 * names are those the audit chain commits to and the export redacts.
 */
public record Visitor(String fullName, String address, String idNumber) {

    /** Whether name, address and ID number are all given, not blank. */
    public boolean complete() {
        return given(fullName) && given(address) && given(idNumber);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    /** Never the identity itself: a record printed by accident must not leak it. */
    @Override
    public String toString() {
        return "Visitor[redacted]";
    }
}
