package vn.commune.petition.api.petition;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file a scan may be, told from the file's first bytes (its signature), never from its
 * name or the type a client declares.
 */
enum ScanType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    ScanType(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static ScanType ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a scan's type: " + mediaType));
    }

    static Optional<ScanType> of(byte[] bytes) {
        return Arrays.stream(values())
                .filter(type -> bytes.length > type.signature.length
                        && Arrays.equals(bytes, 0, type.signature.length, type.signature, 0, type.signature.length))
                .findFirst();
    }
}
