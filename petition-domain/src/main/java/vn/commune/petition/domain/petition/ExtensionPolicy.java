package vn.commune.petition.domain.petition;

/**
 * Gia hạn: how often, and by how many days, a petition's resolution deadline may be extended.
 *
 * <p>A denunciation may be extended once by up to 30 days when complex (Luật Tố cáo Đ30). A
 * complaint has no extension: its longer deadline for complex cases is set on acceptance (Luật
 * Khiếu nại Đ28). Recommendations and feedback have no statutory figure; the commune allows one.
 */
public record ExtensionPolicy(int maxExtensions, int maxDaysEach) {

    static ExtensionPolicy of(PetitionKind kind, boolean complex) {
        return switch (kind) {
            case DENUNCIATION -> new ExtensionPolicy(complex ? 1 : 0, 30);
            case COMPLAINT -> new ExtensionPolicy(0, 0);
            case RECOMMENDATION, FEEDBACK -> new ExtensionPolicy(1, 30);
        };
    }
}
