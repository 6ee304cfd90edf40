package org.saath.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP addresses written out, read without ever looking a name up. */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** The address in one canonical form ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike), if {@code value} is one. */
    public static Optional<String> canonical(String value) {
        if (value == null || value.length() > 45 || !(IPV4.matcher(value).matches() && octets(value)
                || IPV6.matcher(value).matches())) {
            return Optional.empty();        // a dotted quad past 255 would be looked up as a name
        }
        try {
            return Optional.of(InetAddress.getByName(value).getHostAddress());   // a literal: nothing is looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean octets(String dotted) {
        for (String octet : dotted.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
