package org.saath.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;

/**
 * Drives a {@link TurnProcessor} as one person would: {@code .user("…")} sends a message, the {@code expect…}
 * methods check the last answer. Message ids are numbered so each line is a new message.
 */
public final class ConversationScript {

    private final TurnProcessor turns;
    private final String user;
    private final String country;
    private int next = 1;
    private TurnResult last;

    public ConversationScript(TurnProcessor turns, String user, String country) {
        this.turns = turns;
        this.user = user;
        this.country = country;
    }

    public ConversationScript user(String text) {
        last = turns.handle(new InboundMessage("test", user, "m-" + next++, text, Optional.ofNullable(country)));
        return this;
    }

    public ConversationScript expectReply(Consumer<TurnResult> check) {
        check.accept(last);
        return this;
    }

    public ConversationScript expectReplyContaining(String text) {
        assertThat(allText()).contains(text);
        return this;
    }

    public ConversationScript expectHelplines(String... ids) {
        assertThat(last.replies().get(0).helplines()).extracting(TurnResult.HelplineView::id).containsExactly(ids);
        return this;
    }

    public ConversationScript expectFirstHelpline(String id) {
        assertThat(last.replies().get(0).helplines()).isNotEmpty();
        assertThat(last.replies().get(0).helplines().get(0).id()).isEqualTo(id);
        return this;
    }

    public ConversationScript expectNoHelplines() {
        assertThat(last.replies().get(0).helplines()).isEmpty();
        return this;
    }

    public ConversationScript expectHandoff() {
        assertThat(last.escalation()).isNotNull();
        assertThat(last.escalation().state()).isEqualTo("requested");
        return this;
    }

    public ConversationScript expectNoHandoff() {
        assertThat(last.escalation()).isNull();
        return this;
    }

    /** What the person reads in the last answer, without the marks that only order right-to-left lines. */
    public String allText() {
        return RtlText.plain(String.join("\n", last.replies().stream().map(TurnResult.Reply::text).toList()));
    }

    public List<TurnResult.Reply> replies() {
        return last.replies();
    }
}
