package vn.commune.petition.api.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A client as the throttles count it: a digest of its address, never the address itself, so that
 * the limiters' memory is all that ever holds one.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** An IPv4 address, or the /64 network of an IPv6 one (a single client is given a whole /64). */
    public static UUID key(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String client = address;
        if (address.indexOf(':') >= 0) {
            try {
                // A literal with a colon is parsed as IPv6, never looked up in DNS.
                InetAddress parsed = InetAddress.getByName(address);
                client = parsed instanceof Inet6Address
                        ? HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64"
                        : parsed.getHostAddress();
            } catch (UnknownHostException e) {
                // not an address: kept as it is, a key like any other
            }
        }
        return UUID.nameUUIDFromBytes(("address:" + client).getBytes(StandardCharsets.UTF_8));
    }
}
