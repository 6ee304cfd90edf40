package org.saath.helpline;

import java.util.Set;

/** One way to reach a helpline: its channel ({@code phone}, {@code whatsapp}, …), the value and its hours. */
public record Contact(String type, String value, OpeningHours hours) {

    public static final Set<String> TYPES = Set.of("phone", "sms", "whatsapp", "chat", "web", "email");
}
