import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.saath.dialogue.Places;
import org.saath.helpline.SaidCountry;
import org.saath.nlu.TextNormaliser;

/**
 * Scores {@code Places} on a places TSV ({@code language, expected, text}; see README.md): for each language and
 * kind of row, how many were read exactly, missed, read with another country, or read as another kind of the right
 * country; a {@code -} row read as any country is "placed". Run from the repository root after {@code mvn compile}:
 * {@code java -cp "target/classes:$(cat target/classpath.txt)" challenge/PlacesScore.java challenge/places-challenge.tsv}
 */
public class PlacesScore {

    public static void main(String[] args) throws Exception {
        Places places = Places.loadFromClasspath(new TextNormaliser());
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split("\t", 3);
            String kind = row[1].equals("-") ? "-" : row[1].substring(0, row[1].indexOf(':'));
            // where someone else is, or where the writer is not, never places the writer
            String outcome = outcome(row[1], kind, places.find(row[2]).filter(s -> s.how() != SaidCountry.How.THERE
                    && s.how() != SaidCountry.How.NOT_HERE));
            for (String key : List.of(row[0] + " " + kind, "all " + kind)) {
                Map<String, Integer> c = counts.computeIfAbsent(key, k -> new TreeMap<>());
                c.merge("rows", 1, Integer::sum);
                c.merge(outcome, 1, Integer::sum);
            }
        }
        counts.forEach((key, c) -> System.out.println(key + " " + c));
    }

    private static String outcome(String expected, String kind, Optional<SaidCountry> read) {
        if (kind.equals("-")) {
            return read.isPresent() ? "placed" : "exact";
        }
        if (read.isEmpty()) {
            return "missed";
        }
        String country = expected.substring(expected.indexOf(':') + 1);
        if (!read.get().country().equals(country)) {
            return "wrong country";
        }
        SaidCountry.How want = switch (kind) {
            case "here" -> SaidCountry.How.HERE;
            case "asked" -> SaidCountry.How.ASKED;
            case "other" -> SaidCountry.How.ASKED_FOR_SOMEONE;
            default -> SaidCountry.How.FROM;
        };
        return read.get().how() == want ? "exact" : "other kind";
    }
}
