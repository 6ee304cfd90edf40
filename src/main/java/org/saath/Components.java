package org.saath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.saath.config.ConfigException;
import org.saath.config.SaathConfig;
import org.saath.channel.InboundMessage;
import org.saath.channel.TurnResult;
import org.saath.dialogue.ConversationRisk;
import org.saath.dialogue.GoldenConversations;
import org.saath.dialogue.ReplyRenderer;
import org.saath.dialogue.Templates;
import org.saath.dialogue.TurnProcessor;
import org.saath.escalation.EscalationDesk;
import org.saath.escalation.EscalationRequester;
import org.saath.escalation.PartnerDirectory;
import org.saath.helpline.CountryResolver;
import org.saath.helpline.HelplineDirectory;
import org.saath.helpline.HelplineOffer;
import org.saath.helpline.HelplineDirectoryLoader;
import org.saath.nlu.Analyser;
import org.saath.nlu.CommandDetector;
import org.saath.nlu.DistressDetector;
import org.saath.nlu.DistressLexicon;
import org.saath.nlu.IntentClassifier;
import org.saath.nlu.Language;
import org.saath.nlu.OpenNlpIntentClassifier;
import org.saath.nlu.OpenNlpLanguageModel;
import org.saath.nlu.ScriptLanguageDetector;
import org.saath.nlu.TextNormaliser;
import org.saath.ops.Operations;
import org.saath.privacy.Redactor;
import org.saath.privacy.SecretFile;
import org.saath.privacy.UserRefHasher;
import org.saath.rules.RuleBook;
import org.saath.rules.ReloadableRules;
import org.saath.rules.RuleBookException;
import org.saath.rules.SafetyPolicy;
import org.saath.store.HandoffStore;
import org.saath.store.JdbcConversationStore;
import org.saath.store.SqliteDatabase;
import org.saath.training.ModelCard;
import org.saath.training.PromotedModel;

/**
 * The composition root: builds every collaborator from the validated configuration. Everything that can be
 * wrong (model, lexicon, rules, helplines, templates, store) fails here, at start, with a message naming the
 * file and the entry.
 */
public record Components(SaathConfig config, TurnProcessor turns, PromotedModel model, DataSource dataSource,
                         ReloadableRules rules, EscalationDesk desk, HandoffStore handoffs, PartnerDirectory partners,
                         Operations ops) {

    /** The NLU stage alone (for classify and evaluate), from the committed model and lexicon. */
    public static Analyser analyser(SaathConfig config) {
        Path models = Path.of(config.modelsDir());
        ModelCard card = ModelCard.read(models.resolve("intent.card.json"));
        IntentClassifier classifier = OpenNlpIntentClassifier.load(models.resolve("intent.bin"),
                card.parameters().featureSpec(), card.version());
        return analyser(config, classifier);
    }

    public static Analyser analyser(SaathConfig config, IntentClassifier classifier) {
        return analysers(config).apply(classifier);
    }

    /**
     * Builds analysers around any intent classifier, loading the lexicon, the language model and the commands
     * once (cross-validation builds one analyser a fold).
     */
    public static Function<IntentClassifier, Analyser> analysers(SaathConfig config) {
        TextNormaliser normaliser = new TextNormaliser();
        DistressDetector distress = new DistressDetector(
                DistressLexicon.load(Path.of(config.modelsDir()).resolve("lang"), normaliser));
        ScriptLanguageDetector languages = new ScriptLanguageDetector(OpenNlpLanguageModel.load());
        CommandDetector commands = CommandDetector.loadFromClasspath(normaliser);
        return classifier -> new Analyser(normaliser, languages, classifier, distress, commands,
                config.nlu().minConfidence());
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
        Path dataDir = Path.of(config.dataDir());
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
        DataSource dataSource = SqliteDatabase.open(dataDir);
        Operations ops = Operations.create(dataSource);
        ReplyRenderer renderer = new ReplyRenderer(templates);
        HandoffStore handoffs = new HandoffStore(dataSource, ops.transitions());
        EscalationDesk desk = new EscalationDesk(handoffs, partners(config), clock,
                (template, language) -> statusText(renderer, helplines, config, clock, template, language),
                config.callback().enabled());
        TurnProcessor turns = new TurnProcessor(new TurnProcessor.Parts(new UserRefHasher(secret(config, dataDir)),
                new JdbcConversationStore(dataSource), model, rules, new SafetyPolicy(),
                helplines, new EscalationRequester(UUID::randomUUID), renderer, new Redactor(),
                new ConversationRisk(config.dialogue().riskMemory()), clock, UUID::randomUUID,
                new CountryResolver(config.defaultCountry()), config.dialogue().maxHelplines(), desk), ops.turns());
        return new Components(config, turns, model, dataSource, rules, desk, handoffs, partners(config), ops);
    }

    /**
     * A status message for the person; when no counsellor could take the conversation it carries the open crisis
     * line of the deployment's country, so the person is never left without a number.
     */
    private static String statusText(ReplyRenderer renderer, HelplineDirectory helplines, SaathConfig config,
                                     Clock clock, String template, String languageCode) {
        Language language = Language.fromCode(languageCode);
        if (!template.equals("counsellor_unavailable")) {
            return renderer.text(template, language);
        }
        List<HelplineOffer> line = helplines.openCrisisLine(config.defaultCountry(), languageCode, clock.instant())
                .map(List::of).orElse(List.of());
        return renderer.render(template, language, line, List.of()).text();
    }

    /** The deployment's partners from {@code partners-file}; none when it is empty. */
    static PartnerDirectory partners(SaathConfig config) {
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
     * A fresh pipeline for one golden conversation: its own SQLite file in a temporary folder, the clock fixed
     * at the script's time, and {@code analyser} (the committed model, or a candidate being gated).
     */
    public static GoldenConversations.Pipeline goldenPipeline(SaathConfig config, Analyser analyser,
                                                              GoldenConversations.Script script) {
        try {
            Path data = Files.createTempDirectory("saath-golden");
            Components components = load(config.withDataDir(data.toString()), analyser,
                    GoldenConversations.clock(script));
            JdbcConversationStore store = new JdbcConversationStore(components.dataSource());
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
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
