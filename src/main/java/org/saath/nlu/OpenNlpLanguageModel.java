package org.saath.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's 103-language detector ({@code opennlp-models-langdetect}), used only as the last resort for Latin text
 * that shows neither English nor Roman-Urdu function words: it tells English from Spanish, French, Malay… It
 * costs 12–25 µs a call (research/performance.md §3), so the cheap checks in {@link ScriptLanguageDetector} run
 * first. Each call makes its own {@link LanguageDetectorME} over the shared immutable model.
 */
public final class OpenNlpLanguageModel implements Function<String, Language> {

    private static final String RESOURCE = "langdetect-183.bin";

    private final LanguageDetectorModel model;

    private OpenNlpLanguageModel(LanguageDetectorModel model) {
        this.model = model;
    }

    /** Loads the model shipped in the {@code opennlp-models-langdetect} jar. */
    public static OpenNlpLanguageModel load() {
        try (InputStream in = OpenNlpLanguageModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelUnavailableException(RESOURCE + " is missing from the classpath", null);
            }
            return new OpenNlpLanguageModel(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new ModelUnavailableException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** {@code en} when the model's best guess is English, else {@code other}. */
    @Override
    public Language apply(String text) {
        String iso = new LanguageDetectorME(model).predictLanguage(text).getLang();
        return "eng".equals(iso) ? Language.EN : Language.OTHER;
    }
}
