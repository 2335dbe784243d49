package vn.commune.petition.domain.petition;

/** Người gửi đơn: personal data, confidential for a denunciation. */
public record Petitioner(String fullName, String address, String idNumber, String phone) {
}
