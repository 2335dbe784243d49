package vn.commune.petition.api.petition;

/** A file that is not a PDF, a JPEG or a PNG by its bytes: answered 415. */
public class UnsupportedScanException extends RuntimeException {

    public UnsupportedScanException() {
        super("A scan must be a PDF, JPEG or PNG file (told from its bytes, not its name)");
    }
}
