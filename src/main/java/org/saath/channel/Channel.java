package org.saath.channel;

import io.javalin.config.RoutesConfig;

/**
 * One messaging platform: checks and reads what arrives, sends what leaves. Adding a platform is one package and
 * one line in {@code Components}.
 *
 * <p>The routes verify the request over its raw bytes before parsing anything (a bad signature is 401 and nothing
 * is stored), parse it into {@link InboundMessage}s and hand each to the {@link Inbox}; they answer 200 once the
 * turn and its outbound rows are committed. {@link #send} is called only by the outbox dispatcher, never by a
 * request handler, so a platform that is down delays replies but loses none.
 */
public interface Channel {

    /** The channel's name, also the channel part of the user reference: {@code whatsapp}, {@code telegram}. */
    String name();

    void addRoutes(RoutesConfig routes, Inbox inbox);

    /** Sends one message to a person; the outcome tells the dispatcher whether to retry. */
    SendResult send(Address to, Outbound message);
}
