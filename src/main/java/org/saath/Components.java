package org.saath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Ticker;

import org.saath.channel.Channels;
import org.saath.channel.Inbox;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.channel.telegram.TelegramChannel;
import org.saath.channel.twilio.TwilioChannel;
import org.saath.channel.whatsapp.WhatsAppChannel;
import org.saath.config.ChannelsConfig;
import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;
import org.saath.dialogue.ConversationRisk;
import org.saath.dialogue.Cues;
import org.saath.dialogue.EscalationNotes;
import org.saath.dialogue.FloodGate;
import org.saath.dialogue.GoldenConversations;
import org.saath.dialogue.Guides;
import org.saath.dialogue.ReplyComposer;
import org.saath.dialogue.ReplyRenderer;
import org.saath.dialogue.Templates;
import org.saath.dialogue.TopicMemory;
import org.saath.dialogue.TurnProcessor;
import org.saath.escalation.ConsoleParts;
import org.saath.escalation.ConsoleView;
import org.saath.escalation.CountryZones;
import org.saath.escalation.Counsellors;
import org.saath.escalation.EscalationDesk;
import org.saath.escalation.EscalationRequester;
import org.saath.escalation.Leaving;
import org.saath.escalation.LoginLimiter;
import org.saath.escalation.PartnerDirectory;
import org.saath.escalation.PasswordHasher;
import org.saath.helpline.CountryResolver;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.helpline.Referrals;
import org.saath.hub.HubParts;
import org.saath.limits.RateLimiter;
import org.saath.nlu.Analyser;
import org.saath.nlu.CommandDetector;
import org.saath.nlu.DistressDetector;
import org.saath.nlu.DistressLexicon;
import org.saath.nlu.GenderCues;
import org.saath.nlu.IntentClassifier;
import org.saath.nlu.Language;
import org.saath.nlu.LanguageProfile;
import org.saath.nlu.OpenNlpIntentClassifier;
import org.saath.nlu.OpenNlpLanguageModel;
import org.saath.nlu.OpenNlpRiskClassifier;
import org.saath.nlu.RiskClassifier;
import org.saath.nlu.ScriptLanguageDetector;
import org.saath.nlu.TextNormaliser;
import org.saath.outbox.PersonDelivery;
import org.saath.privacy.AddressCipher;
import org.saath.ops.Operations;
import org.saath.privacy.Redactor;
import org.saath.privacy.RetentionJob;
import org.saath.privacy.SecretFile;
import org.saath.privacy.UserRefHasher;
import org.saath.rules.RuleBook;
import org.saath.rules.ReloadableRules;
import org.saath.rules.RuleBookException;
import org.saath.rules.SafetyPolicy;
import org.saath.store.AddressStore;
import org.saath.store.CannedReplyStore;
import org.saath.store.ConsoleStore;
import org.saath.store.CounsellorStore;
import org.saath.store.HandoffStore;
import org.saath.store.RequestOutcomes;
import org.saath.store.JdbcConversationStore;
import org.saath.store.Conversations;
import org.saath.store.Database;
import org.saath.store.JdbcConversations;
import org.saath.store.PersonOutboxStore;
import org.saath.store.StoreException;
import org.saath.store.TimeOrderedIds;
import org.saath.training.ModelCard;
import org.saath.training.ModelRegistry;
import org.saath.training.PromotedModel;
import org.saath.training.RiskCard;

/**
 * The composition root: builds every collaborator from the validated configuration. Everything that can be
 * wrong (model, lexicon, rules, helplines, templates, store) fails here, at start, with a message naming the
 * file and the entry.
 */
public record Components(SaathConfig config, TurnProcessor turns, PromotedModel model, Database database,
                         ReloadableRules rules, EscalationDesk desk, HandoffStore handoffs, PartnerDirectory partners,
                         FloodGate floodGate, Conversations conversations, ConsoleParts console, HubParts hub,
                         Channels channels, Inbox inbox, PersonDelivery people, Operations ops) {

    /** Where a person is: the deployment's default counts for a message in a language people write there. */
    private static CountryResolver countryResolver(String defaultCountry) {
        Map<Language, LanguageProfile> profiles = LanguageProfile.loadFromClasspath().stream()
                .collect(Collectors.toMap(LanguageProfile::language, p -> p));
        return new CountryResolver(defaultCountry, language -> !profiles.containsKey(language)
                || profiles.get(language).writtenIn(defaultCountry));
    }

    /** The NLU stage alone (for classify and evaluate), from the committed models and lexicon. */
    public static Analyser analyser(SaathConfig config) {
        Path models = Path.of(config.modelsDir());
        IntentClassifier intent = intentModel(models); // the models first: a missing or broken one is named first
        RiskClassifier risk = riskModel(models);
        return analysers(config).withPromoted(intent, risk);
    }

    /** The committed risk model with any intent classifier (the intent model's cross-validation and gates). */
    public static Analyser analyser(SaathConfig config, IntentClassifier classifier) {
        return analysers(config).withPromoted(classifier, riskModel(Path.of(config.modelsDir())));
    }

    /** The promoted intent model of {@code models}. */
    public static IntentClassifier intentModel(Path models) {
        ModelCard card = ModelCard.read(models.resolve("intent.card.json"));
        return OpenNlpIntentClassifier.load(models.resolve("intent.bin"), card.parameters().featureSpec(),
                card.version());
    }

    /** The promoted risk model of {@code models}. */
    public static RiskClassifier riskModel(Path models) {
        RiskCard card = RiskCard.read(models.resolve("risk.card.json"));
        return OpenNlpRiskClassifier.load(models.resolve("risk.bin"), card.parameters().riskFeatures(),
                card.parameters().thresholds(), card.version());
    }

    /**
     * What every analyser shares, loaded once: the normaliser, the distress lexicon, the language model, the
     * commands and the gender cues (cross-validation builds one analyser a fold); and {@code modelDistress}, the
     * lexicon the promoted risk model was trained with ({@code models/risk.lexicon}), the same detector when it is
     * the current one or was not kept.
     */
    public record Analysers(TextNormaliser normaliser, DistressDetector distress, DistressDetector modelDistress,
                            ScriptLanguageDetector languages, CommandDetector commands, GenderCues genders,
                            double minConfidence) {

        /** An analyser for a model trained now, with the current lexicon (cross-validation, gates). */
        public Analyser with(IntentClassifier intent, RiskClassifier risk) {
            return new Analyser(normaliser, languages, intent, risk, distress, distress, commands, genders,
                    minConfidence);
        }

        /** An analyser for the promoted risk model: its features through the lexicon it was trained with. */
        public Analyser withPromoted(IntentClassifier intent, RiskClassifier risk) {
            return new Analyser(normaliser, languages, intent, risk, distress, modelDistress, commands, genders,
                    minConfidence);
        }

        /** These parts with the promoted model's lexicon as the current one (to retrace how it was trained). */
        public Analysers asTrained() {
            return new Analysers(normaliser, modelDistress, modelDistress, languages, commands, genders,
                    minConfidence);
        }
    }

    public static Analysers analysers(SaathConfig config) {
        TextNormaliser normaliser = new TextNormaliser();
        Path models = Path.of(config.modelsDir());
        DistressLexicon current = DistressLexicon.load(models.resolve("lang"), normaliser);
        DistressDetector distress = new DistressDetector(current);
        DistressDetector modelDistress = distress;
        Path trainedWith = ModelRegistry.risk(models).lexicon();
        // a language added since the model was trained has no lexicon there: the model never saw it, and its
        // features are read through the current lexicon, as before lexicons were kept
        if (Files.isDirectory(trainedWith) && Language.supported().stream()
                .allMatch(l -> Files.isRegularFile(trainedWith.resolve(l.code()).resolve("lexicon.tsv")))) {
            DistressLexicon pinned = DistressLexicon.load(trainedWith, normaliser);
            modelDistress = pinned.sha256().equals(current.sha256()) ? distress : new DistressDetector(pinned);
        }
        return new Analysers(normaliser, distress, modelDistress,
                new ScriptLanguageDetector(OpenNlpLanguageModel.load()), CommandDetector.loadFromClasspath(normaliser),
                GenderCues.loadFromClasspath(normaliser), config.nlu().minConfidence());
    }

    /** Everything the service needs, with the store in {@code config.dataDir()}. */
    public static Components load(SaathConfig config, Clock clock) {
        Analyser analyser = analyser(config);
        return load(config, analyser, clock);
    }

    /** Everything the service needs, with the rule book from {@code rules-file} (or the built-in one). */
    public static Components load(SaathConfig config, Analyser analyser, Clock clock) {
        Optional<Path> file = config.rulesFile() == null || config.rulesFile().isBlank()
                ? Optional.empty() : Optional.of(Path.of(config.rulesFile()));
        return load(config, analyser, clock, () -> file.isPresent() ? read(file.get()) : resource("rules.yaml"),
                file.map(Path::toString).orElse("rules.yaml"));
    }

    /**
     * As {@link #load(SaathConfig, Analyser, Clock)}, with the rule book read by {@code rulesYaml} — again on
     * every reload.
     */
    public static Components load(SaathConfig config, Analyser analyser, Clock clock,
                                  Supplier<InputStream> rulesYaml, String rulesName) {
        PromotedModel model = new PromotedModel(analyser, () -> analyser(config));
        HelplineDirectory helplines = helplines();
        Templates templates = Templates.loadFromClasspath();
        ReloadableRules rules = new ReloadableRules(() -> {
            try (InputStream in = rulesYaml.get()) {
                return RuleBook.load(in, rulesName, templates.ids(), HelplineDirectoryLoader.TOPICS,
                        id -> helplines.byId(id).isPresent());
            } catch (IOException e) {
                throw new RuleBookException(rulesName + ": " + e.getMessage(), e);
            }
        });
        Database database = database(config);
        Operations ops = Operations.create(database);
        ReplyRenderer renderer = new ReplyRenderer(templates);
        ReplyComposer composer = new ReplyComposer(templates, renderer, Guides.loadFromClasspath(),
                config.privacy().retention());
        Referrals referrals = new Referrals(helplines, config.dialogue().maxHelplines());
        HandoffStore handoffs = new HandoffStore(database);
        ConsoleStore consoleStore = new ConsoleStore(database);
        Conversations conversations = new JdbcConversations(database, ops.transitions());
        PartnerDirectory partners = partners(config);
        AddressStore addresses = new AddressStore(database);
        EscalationDesk desk = new EscalationDesk(handoffs, consoleStore, conversations, partners, clock,
                new EscalationNotes(composer, referrals, clock), config.callback().enabled());
        UserRefHasher hasher = hasher(config);
        SaathConfig.Limits limits = config.limits();
        Ticker ticker = ticker(clock);
        EscalationRequester requester = new EscalationRequester(UUID::randomUUID,
                new RateLimiter(limits.escalationsPerSender(), limits.escalationWindow(), ticker),
                new RateLimiter(limits.escalationsPerSender() * EscalationRequester.PER_ORIGIN,
                        limits.escalationWindow(), ticker));
        TurnProcessor turns = new TurnProcessor(new TurnProcessor.Parts(hasher,
                conversations, model, rules, new SafetyPolicy(), referrals, requester,
                renderer, composer, Cues.loadFromClasspath(new TextNormaliser()), new Redactor(),
                new ConversationRisk(config.dialogue().riskMemory()),
                new TopicMemory(config.dialogue().topicMemory()), clock, new TimeOrderedIds(clock),
                countryResolver(config.defaultCountry()), desk), ops.turns());
        FloodGate floodGate = new FloodGate(new RateLimiter(limits.messagesPerMinute(), Duration.ofMinutes(1), ticker),
                hasher, model, turns);
        HubParts hub = HubParts.load(config, new HubParts.Service(rules, referrals, renderer, templates, hasher, turns,
                floodGate, handoffs), clock, ticker);
        AddressCipher cipher = new AddressCipher(addressKey(config, Path.of(config.dataDir())));
        Channels channels = channels(config.channels(), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build(), clock);
        PersonDelivery personDelivery = new PersonDelivery(channels, cipher, addresses,
                new PersonOutboxStore(database), handoffs, hasher, clock);
        return new Components(config, turns, model, database, rules, desk, handoffs, partners, floodGate,
                conversations, console(config, database, handoffs, consoleStore, desk, partners, clock, ticker), hub,
                channels, new Inbox(floodGate, cipher, hasher, personDelivery, clock), personDelivery, ops);
    }

    /** The messaging platforms, one line each; a platform without configuration is off. */
    static Channels channels(ChannelsConfig config, HttpClient http, Clock clock) {
        return new Channels(Stream.of(
                WhatsAppChannel.create(config.whatsapp(), http, clock),
                TelegramChannel.create(config.telegram(), http, clock),
                TwilioChannel.create(config.twilio(), http, clock))
                .flatMap(Optional::stream).toList());
    }

    /**
     * The retention job over this store ({@code privacy.retention}): an escalation still open in a conversation it
     * removes ends as ended by {@code saath} for retention, and its partner is told.
     */
    public RetentionJob retention(Clock clock) {
        return new RetentionJob(new JdbcConversationStore(database), conversations, config.privacy().retention(),
                clock, (tx, at) -> Leaving.ending(tx, "saath", Leaving.RETENTION, at));
    }

    /** The store named by {@code store.url}; one that cannot be opened stops the start naming the key. */
    public static Database database(SaathConfig config) {
        try {
            return Database.open(config.storeUrl(), config.store().username(), config.store().password(),
                    config.store().poolSize());
        } catch (StoreException e) {
            throw new ConfigException("store.url " + config.storeUrl().replaceAll("(?i)password=[^&]*", "password=***")
                    + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The user-id hasher with the deployment's secret ({@code privacy.user-id-secret}, or the data folder's). */
    public static UserRefHasher hasher(SaathConfig config) {
        return new UserRefHasher(secret(config, Path.of(config.dataDir())));
    }

    /**
     * The hasher the store's user references were made with, for commands that look people up: never a new secret
     * (a new one would match nobody, and "nothing stored" would be a lie).
     */
    public static UserRefHasher existingHasher(SaathConfig config) {
        Path file = SecretFile.userIdSecret(Path.of(config.dataDir()));
        String configured = config.privacy().userIdSecret();
        if ((configured == null || configured.isEmpty()) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("privacy.user-id-secret is empty and " + file.toAbsolutePath()
                    + " does not exist: without the secret the store's user ids were hashed with, nobody can be "
                    + "found (give --data DIR or the deployment's --config)");
        }
        return hasher(config);
    }

    /** The rate limiters' time, from the same clock as everything else (so a test's clock moves them too). */
    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** Counsellors and their sign-in, the console's view, idempotent requests and canned replies. */
    private static ConsoleParts console(SaathConfig config, Database database, HandoffStore handoffs,
                                        ConsoleStore consoleStore, EscalationDesk desk, PartnerDirectory partners,
                                        Clock clock, Ticker ticker) {
        SecureRandom random = new SecureRandom();
        CounsellorStore counsellorStore = new CounsellorStore(database);
        Counsellors counsellors = new Counsellors(counsellorStore, partners,
                new PasswordHasher(config.console().passwordCost(), random),
                new LoginLimiter(5, Duration.ofMinutes(15), ticker), clock, random);
        ConsoleView view = new ConsoleView(handoffs, consoleStore, counsellorStore, desk, partners,
                CountryZones.fromClasspath(), clock);
        return new ConsoleParts(counsellors, view, new RequestOutcomes(database), new CannedReplyStore(database),
                clock);
    }

    /** The deployment's partners from {@code partners-file}; none when it is empty. */
    public static PartnerDirectory partners(SaathConfig config) {
        if (config.partnersFile() == null || config.partnersFile().isBlank()) {
            return PartnerDirectory.none();
        }
        try (InputStream in = Files.newInputStream(Path.of(config.partnersFile()))) {
            return PartnerDirectory.load(in, config.partnersFile());
        } catch (IOException e) {
            throw new ConfigException("partners-file " + config.partnersFile() + " cannot be read: " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("partners-file " + e.getMessage(), e);
        }
    }

    private static InputStream read(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new RuleBookException("cannot read rule book " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A fresh pipeline for one golden conversation: its own SQLite file in a temporary folder (whatever store
     * {@code config} names: a replay must not write scripted people into a deployment's conversations), the clock at the
     * script's time (moved by turns that give their own), and {@code analyser} (the committed model, or a candidate
     * being gated). Partners and a rule book on disk come from {@code config}, as in the service.
     */
    public static GoldenConversations.Pipeline goldenPipeline(SaathConfig config, Analyser analyser,
                                                              GoldenConversations.Script script) {
        try {
            Path data = Files.createTempDirectory("saath-golden");
            GoldenConversations.ScriptClock clock = GoldenConversations.clock(script);
            // the throwaway SQLite file even when the deployment's config names its own store: a replay or the
            // training gate must never write scripted people into the real conversations
            SaathConfig scripted = config.withOwnStore(data.toString());
            if (script.partners() != null) {
                Path partners = data.resolve("partners.yaml");
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .writeValue(partners.toFile(), java.util.Map.of("partners", script.partners()));
                scripted = scripted.withPartnersFile(partners.toString());
            }
            Components components = load(scripted, analyser, clock);
            JdbcConversationStore store = new JdbcConversationStore(components.database());
            return new GoldenConversations.Pipeline() {
                @Override
                public TurnResult handle(InboundMessage message) {
                    return components.turns().handle(message);
                }

                @Override
                public GoldenConversations.Stored stored() {
                    return store.lastTurnSummary().map(r -> new GoldenConversations.Stored(r[0], r[1], r[2],
                            Long.parseLong(r[3]))).orElse(new GoldenConversations.Stored("none", "none", "none", 0));
                }

                @Override
                public void moveTo(java.time.Instant at) {
                    clock.moveTo(at);
                    components.desk().expireLapsedOffers();
                }

                @Override
                public java.util.List<String> notes() {
                    return components.turns().messagesFor("golden", "person", 0, components.handoffs()).stream()
                            .map(HandoffStore.UserMessage::text).toList();
                }

                @Override
                public void close() {
                    components.database().close();
                    deleteFolder(data);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code folder} and everything in it; what cannot be deleted is left (a temporary folder). */
    public static void deleteFolder(Path folder) {
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Components.class).debug("a replay's folder stays: {}", e.getMessage());
        }
    }

    public static HelplineDirectory helplines() {
        try (InputStream in = resource("helplines.yaml")) {
            return HelplineDirectoryLoader.load(in, "helplines.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Components.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the jar");
        }
        return in;
    }

    /** The key sealing channel addresses: {@code privacy.address-key}, else {@code <data-dir>/address-key.key}. */
    private static byte[] addressKey(SaathConfig config, Path dataDir) {
        String configured = config.privacy().addressKey();
        return configured.isEmpty() ? SecretFile.loadOrCreate(dataDir.resolve("address-key.key"), 32)
                : Base64.getDecoder().decode(configured);
    }

    private static byte[] secret(SaathConfig config, Path dataDir) {
        String configured = config.privacy().userIdSecret();
        if (configured == null || configured.isEmpty()) {
            return SecretFile.loadOrCreate(dataDir);
        }
        try {
            return Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("privacy.user-id-secret is not valid base64", e);
        }
    }
}
