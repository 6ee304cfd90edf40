package org.saath.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import org.saath.config.IpAddresses;

/**
 * The address a request came from, as the per-address limits read it ({@code ctx.ip()}): the connection's peer, or,
 * when the peer is one of the deployment's own reverse proxies ({@code server.trusted-proxies}), the nearest address
 * in {@code X-Forwarded-For} that is not one of them. Behind the TLS proxy the README asks for, every client would
 * otherwise be the proxy, and one client's failures would lock everyone out. A header from anyone else is never read:
 * it would let a client choose its own address and step around every limit.
 */
public final class ClientAddress {

    /** Hops read from the right at most: a proxy chain is short, a header can be long. */
    private static final int MAX_HOPS = 10;

    private final Set<String> trusted;

    private ClientAddress(Set<String> trusted) {
        this.trusted = trusted;
    }

    /** Trusting these proxies' {@code X-Forwarded-For}; an entry that is not an IP address is refused. */
    public static ClientAddress trusting(List<String> proxies) {
        return new ClientAddress(proxies.stream().map(p -> IpAddresses.canonical(p).orElseThrow(() ->
                new IllegalArgumentException("not an IP address: '" + p + "'"))).collect(Collectors.toUnmodifiableSet()));
    }

    public String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (trusted.isEmpty() || !trusted.contains(IpAddresses.canonical(peer).orElse(peer))) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= Math.max(0, hops.length - MAX_HOPS); i--) {
            Optional<String> hop = IpAddresses.canonical(hops[i].strip());
            if (hop.isEmpty()) {
                return peer;            // not what a proxy writes: the connection's own address
            }
            if (!trusted.contains(hop.get())) {
                return hop.get();
            }
        }
        return peer;
    }
}
