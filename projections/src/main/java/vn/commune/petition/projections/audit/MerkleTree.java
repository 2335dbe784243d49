package vn.commune.petition.projections.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 §2.1 over a list of event hashes: a leaf is SHA-256(0x00 ‖ hash),
 * a node SHA-256(0x01 ‖ left ‖ right), the list split at the largest power of two below its size.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private MerkleTree() {
    }

    /** The root of the tree over these event hashes (hex), in hex; the hash of nothing for an empty list. */
    public static String root(List<String> eventHashes) {
        if (eventHashes.isEmpty()) {
            return HEX.formatHex(CanonicalEncoding.sha256().digest());
        }
        return HEX.formatHex(node(eventHashes, 0, eventHashes.size()));
    }

    private static byte[] node(List<String> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaf(hashes.get(from));
        }
        int k = Integer.highestOneBit(n - 1);
        return node(node(hashes, from, from + k), node(hashes, from + k, to));
    }

    private static byte[] leaf(String eventHash) {
        MessageDigest sha = CanonicalEncoding.sha256();
        sha.update((byte) 0x00);
        sha.update(HEX.parseHex(eventHash));
        return sha.digest();
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = CanonicalEncoding.sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /**
     * The same tree, grown one event hash at a time from what a seal keeps: its peaks, the roots of
     * the perfect subtrees the leaves fall into from the left, one per bit set in the number of leaves,
     * largest first. Appending a leaf merges the equal-sized peaks it completes; the root folds the
     * peaks from the right, {@code node(p1, node(p2, … node(pk-1, pk)))}, which is the RFC's split at
     * the largest power of two at every level. So a seal costs the events since the last one only.
     */
    public static final class Peaks {

        private final List<byte[]> peaks;
        private long size;

        private Peaks(List<byte[]> peaks, long size) {
            this.peaks = peaks;
            this.size = size;
        }

        /** The peaks of the tree over no leaf. */
        public static Peaks empty() {
            return new Peaks(new ArrayList<>(), 0);
        }

        /**
         * The peaks of a tree of {@code size} leaves, as {@link #encoded()} wrote them; throws if their
         * number is not that of the bits set in the size.
         */
        public static Peaks decode(long size, String encoded) {
            List<byte[]> peaks = new ArrayList<>();
            if (!encoded.isBlank()) {
                for (String peak : encoded.trim().split(" ")) {
                    peaks.add(HEX.parseHex(peak));
                }
            }
            if (peaks.size() != Long.bitCount(size)) {
                throw new IllegalArgumentException(peaks.size() + " peaks for a tree of " + size + " leaves");
            }
            return new Peaks(peaks, size);
        }

        /** Adds an event hash (hex) as the next leaf. */
        public void append(String eventHash) {
            byte[] merged = leaf(eventHash);
            // Each trailing bit set in the size is a peak as large as what has been merged so far.
            for (long n = size; (n & 1) == 1; n >>= 1) {
                merged = node(peaks.remove(peaks.size() - 1), merged);
            }
            peaks.add(merged);
            size++;
        }

        /** How many leaves the tree has. */
        public long size() {
            return size;
        }

        /** The root, in hex: equal to {@link MerkleTree#root} over the same leaves. */
        public String root() {
            if (peaks.isEmpty()) {
                return HEX.formatHex(CanonicalEncoding.sha256().digest());
            }
            byte[] root = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                root = node(peaks.get(i), root);
            }
            return HEX.formatHex(root);
        }

        /** The peaks in hex, largest first, separated by single spaces; empty for no leaf. */
        public String encoded() {
            return String.join(" ", peaks.stream().map(HEX::formatHex).toList());
        }
    }
}
