package org.saath.nlu;

import java.util.Set;

/**
 * Detects the language from the script first, which costs nanoseconds: Arabic script is Urdu or Arabic, told
 * apart by the letters only Urdu uses (ٹ ڈ ڑ ں ے ھ ہ) and by common function words; Latin script is Roman Urdu
 * when enough Roman-Urdu function words appear, else English. OpenNLP's language model is not used here: it has
 * no Roman Urdu class and costs 15–25 µs a call (see research/performance.md).
 */
public final class ScriptLanguageDetector implements LanguageDetector {

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
            "hai", "hain", "hay", "hy", "nahi", "nai", "nahin", "nhi", "mujhe", "mujhay", "mje", "mjhe", "mujhy",
            "mera", "meri", "mere", "mery", "tum", "aap", "ap", "apka", "apki", "kya", "kia", "kyun", "kyu", "kaise",
            "kese", "kaisay", "hoon", "hun", "raha", "rha", "rahi", "rhi", "rahe", "tha", "thi", "kar", "kr", "karna",
            "krna", "karo", "kro", "hota", "hoti", "yaar", "yar", "bohat", "bahut", "bht", "boht", "bhi", "aur", "ke",
            "ki", "ka", "ko", "se", "sab", "ab", "koi", "kuch", "kuchh", "dil", "jeena", "jina", "marna", "zindagi",
            "khud", "ghar", "ammi", "abbu", "bhai", "behen", "acha", "achha", "theek", "thik", "shukriya", "salam",
            "assalam", "aoa", "walaikum", "alaikum", "hafiz", "jazakallah", "dost", "mein", "hum", "humein", "apne",
            "apna", "woh", "wo", "yeh", "ye", "gaya", "gayi", "gya", "gai", "lag", "lagta", "lagti", "sakta", "sakti",
            "chahta", "chahti", "chahiye", "chaiye", "batao", "bataen", "madad", "pareshan", "udaas", "dard", "jaan",
            "hoga", "hogi", "wala", "wali", "kal", "aaj", "raat", "din", "sirf", "bas", "phir", "kabhi", "hamesha");

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
            return isRomanUrdu(normalised) ? Language.ROMAN_UR : Language.EN;
        }
        return Language.OTHER;
    }

    private static boolean isRomanUrdu(NormalisedText normalised) {
        int markers = 0;
        int words = 0;
        for (String token : normalised.tokens()) {
            if (Character.isLetter(token.codePointAt(0))) {
                words++;
                markers += ROMAN_URDU_WORDS.contains(token) ? 1 : 0;
            }
        }
        return markers >= 2 && markers * 5 >= words || markers >= 1 && words <= 3;
    }
}
