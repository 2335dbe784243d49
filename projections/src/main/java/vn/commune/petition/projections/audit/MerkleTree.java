package vn.commune.petition.projections.audit;

import java.security.MessageDigest;
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
        MessageDigest sha = CanonicalEncoding.sha256();
        if (n == 1) {
            sha.update((byte) 0x00);
            sha.update(HEX.parseHex(hashes.get(from)));
            return sha.digest();
        }
        int k = Integer.highestOneBit(n - 1);
        byte[] left = node(hashes, from, from + k);
        byte[] right = node(hashes, from + k, to);
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }
}
