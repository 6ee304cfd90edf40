package org.saath.nlu;

import java.util.Set;
import java.util.function.Function;

/**
 * Detects the language from the script first, which costs nanoseconds: Arabic script is Urdu or Arabic, told
 * apart by the letters only Urdu uses (ٹ ڈ ڑ ں ے ھ ہ) and by common function words; Latin script is Roman Urdu
 * when enough Roman-Urdu function words appear, English when English function words appear or the message is
 * too short to tell; only the rest goes to {@code latinFallback} (OpenNLP's language model in the service),
 * which has no Roman Urdu class and costs 15–25 µs a call (research/performance.md §3).
 */
public final class ScriptLanguageDetector implements LanguageDetector {

    /** English function words that Spanish, French, German or Malay do not share (no "me", "no", "am", "a"). */
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "and", "i", "im", "ive", "id", "you", "your", "my", "is", "are", "was", "to", "of", "it", "its",
            "that", "this", "not", "dont", "cant", "can", "want", "feel", "feeling", "have", "has", "with", "for",
            "what", "how", "why", "please", "pls", "plz", "help", "hi", "hello", "hey", "thanks", "thank", "bye",
            "yes", "just", "anymore", "really", "myself", "life", "about", "will", "would", "should", "need", "she",
            "they", "we", "him", "her", "them", "all", "ok", "okay");

    private final Function<String, Language> latinFallback;

    /** A detector whose unclear Latin text is English. */
    public ScriptLanguageDetector() {
        this(text -> Language.EN);
    }

    public ScriptLanguageDetector(Function<String, Language> latinFallback) {
        this.latinFallback = latinFallback;
    }

    private static final String URDU_ONLY_LETTERS = "ٹڈڑںےۓھہۂۃ";
    private static final String PERSO_URDU_LETTERS = "پچژگیک";
    private static final String ARABIC_ONLY_LETTERS = "ةىيكإأ";

    private static final Set<String> URDU_WORDS = Set.of(
            "ہے", "ہیں", "میں", "کے", "کی", "کا", "کو", "سے", "نہیں", "اور", "بھی", "یہ", "وہ", "مجھے", "کیا", "ہوں",
            "ہو", "تھا", "تھی", "رہا", "رہی", "کر", "گا", "گی", "اپنے", "کوئی", "لیے");
    private static final Set<String> ARABIC_WORDS = Set.of(
            "في", "من", "على", "انا", "أنا", "لا", "هذا", "هذه", "الى", "إلى", "عن", "مع", "كان", "ما", "هل", "انت",
            "أنت", "عايز", "بدي", "ابي", "شو", "ليش", "كيف", "والله", "مش", "اللي", "يا", "لي", "عندي");
    private static final Set<String> ROMAN_URDU_WORDS = Set.of(
            "hai", "hain", "hay", "hy", "h", "nahi", "nai", "nahin", "nhi", "ni", "nae", "mujhe", "mujhay", "mje",
            "mjhe", "mujhy", "mera", "meri", "mere", "mery", "tera", "teri", "tere", "tum", "tumhara", "tumhari",
            "aap", "ap", "apka", "apki", "apne", "apna", "kya", "kia", "kyun", "kyu", "kyunke", "kyunki", "kaise",
            "kese", "kaisay", "kaisa", "kaisi", "kahan", "kidhar", "kab", "kaun", "kon", "kis", "kisi", "kisne",
            "hoon", "hun", "hu", "hon", "hn", "raha", "rha", "rahi", "rhi", "rahe", "rahay", "tha", "thi", "kar",
            "kr", "karna", "krna", "karo", "kro", "karta", "karti", "karte", "krta", "krti", "krte", "kijiye",
            "karein", "kren", "hota", "hoti", "hote", "jata", "jati", "jate", "yaar", "yar", "bohat", "bahut",
            "bht", "boht", "bohot", "bahot", "bhi", "aur", "ke", "ki", "ka", "ko", "se", "ne", "pe", "par", "sab",
            "sb", "ab", "abhi", "koi", "kuch", "kuchh", "dil", "dimagh", "jeena", "jina", "marna", "zindagi",
            "khud", "ghar", "ammi", "abbu", "bhai", "behen", "beta", "beti", "acha", "achha", "theek", "thik",
            "thk", "shukriya", "salam", "assalam", "aoa", "walaikum", "alaikum", "hafiz", "jazakallah", "dost",
            "mein", "hum", "humein", "uska", "uski", "unka", "woh", "wo", "yeh", "ye", "gaya", "gayi", "gya", "gai",
            "diya", "diye", "dia", "liya", "lia", "lag", "lagta", "lagti", "sakta", "sakti", "chahta", "chahti",
            "chahiye", "chahie", "chaiye", "batao", "bataen", "bataye", "batayen", "bolo", "kehta", "kehti", "suno",
            "dekho", "madad", "pareshan", "udaas", "dukh", "dard", "jaan", "pyar", "khushi", "hoga", "hogi", "wala",
            "wali", "walay", "kal", "aaj", "raat", "subah", "shaam", "din", "sirf", "bas", "phir", "fir", "kabhi",
            "hamesha", "lekin", "magar", "agar", "tou", "liye", "lye", "sath", "saath", "pehle", "baad", "waqt",
            "kaam", "naukri", "paisa", "paise", "zyada", "wapas", "andar", "bahar", "samajh", "pata", "aata",
            "aati", "aaya", "aayi", "shadi", "shaadi", "ji", "jee", "ho", "bhot", "hal", "chal",
            "sunao", "mila", "mili", "dega", "degi", "lunga", "lungi", "baji", "g");

    @Override
    public Language detect(String raw, NormalisedText normalised) {
        int arabicScript = 0;
        int latin = 0;
        int otherLetters = 0;
        int urduScore = 0;
        int arabicScore = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F' || c >= '\uFB50' && c <= '\uFEFC') {
                arabicScript++;
                urduScore += URDU_ONLY_LETTERS.indexOf(c) >= 0 ? 2 : PERSO_URDU_LETTERS.indexOf(c) >= 0 ? 1 : 0;
                arabicScore += ARABIC_ONLY_LETTERS.indexOf(c) >= 0 ? 1 : 0;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                latin++;
            } else if (Character.isLetter(c)) {
                otherLetters++;
            }
        }
        if (arabicScript > 0 && arabicScript >= latin && arabicScript >= otherLetters) {
            for (String word : raw.split("[\\s\\p{Punct}،؟]+")) {
                urduScore += URDU_WORDS.contains(word) ? 3 : 0;
                arabicScore += ARABIC_WORDS.contains(word) ? 3 : 0;
            }
            return urduScore > arabicScore ? Language.UR : Language.AR;
        }
        if (latin > 0 && latin >= otherLetters) {
            return latinLanguage(raw, normalised);
        }
        return Language.OTHER;
    }

    private Language latinLanguage(String raw, NormalisedText normalised) {
        int urdu = 0;
        int english = 0;
        int words = 0;
        for (String token : normalised.tokens()) {
            if (Character.isLetter(token.codePointAt(0))) {
                words++;
                urdu += ROMAN_URDU_WORDS.contains(token) ? 1 : 0;
                english += ENGLISH_WORDS.contains(token) ? 1 : 0;
            }
        }
        if (urdu >= 2 && urdu * 5 >= words || urdu >= 1 && urdu > english) {
            return Language.ROMAN_UR;
        }
        if (english > 0 || words <= 2) {
            return Language.EN;
        }
        Language guess = latinFallback.apply(raw);
        // the model has no Roman Urdu class: any Roman-Urdu word outweighs its "not English"
        return guess != Language.EN && urdu >= 1 ? Language.ROMAN_UR : guess;
    }
}
