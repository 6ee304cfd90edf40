package org.saath.channel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.saath.TempFolders;
import org.saath.config.ChannelsConfig;
import org.saath.config.SaathConfig;

/**
 * One platform channel end to end, for each test ({@code @RegisterExtension}): a fake of the platform's API on
 * loopback answering {@code answer} to every call, and a {@link PlatformRig} in a fresh folder whose channels are the
 * ones {@code channels} makes of the fake's URL; both closed, and the folder removed, after the test.
 */
public final class PlatformFixture implements BeforeEachCallback, AfterEachCallback {

    private final Instant start;
    private final FakePlatform.Answer answer;
    private final Function<String, ChannelsConfig> channels;
    private Path dir;
    private FakePlatform api;
    private PlatformRig rig;

    public PlatformFixture(Instant start, FakePlatform.Answer answer, Function<String, ChannelsConfig> channels) {
        this.start = start;
        this.answer = answer;
        this.channels = channels;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = TempFolders.create("saath-platform");
        api = new FakePlatform((path, body) -> answer);
        rig = new PlatformRig(dir, start, c -> c.withChannels(channels.apply(api.url())));
    }

    /** The fake platform API. */
    public FakePlatform api() {
        return api;
    }

    /** The app and its dispatcher. */
    public PlatformRig rig() {
        return rig;
    }

    /** Closes the rig and starts another, on a fresh store in {@code name}, with {@code more} configuration. */
    public PlatformRig restart(String name, UnaryOperator<SaathConfig> more) {
        rig.close();
        rig = new PlatformRig(dir.resolve(name), start, c -> more.apply(c.withChannels(channels.apply(api.url()))));
        return rig;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        rig.close();
        api.close();
        TempFolders.delete(dir);
    }
}
