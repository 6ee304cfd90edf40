// Reads risk-labelled TSV files (language, risk, category, text, context) with each row's context, as `evaluate`
// reads the challenge set, and prints one line a row: language, gold, read, category, source, intent, text,
// context, signals. From the repository root, after `mvn compile` and
// `mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt`:
//   java -cp "target/classes:$(cat target/classpath.txt)" docs/trials/2026-12-07-s50/RiskProbe.java FILE.tsv
import org.saath.config.ConfigLoader;
import org.saath.nlu.*;
import java.nio.file.*; import java.util.*;
public class RiskProbe {
  public static void main(String[] a) throws Exception {
    var config = ConfigLoader.load(Optional.empty());
    Analyser an = org.saath.Components.analyser(config);
    for (String f : a) {
      List<String> lines = Files.readAllLines(Path.of(f));
      String[] h = lines.get(0).split("\t", -1);
      int L=idx(h,"language"), R=idx(h,"risk"), C=idx(h,"category"), T=idx(h,"text"), X=idx(h,"context");
      for (String l : lines.subList(1, lines.size())) {
        String[] r = l.split("\t", -1); if (r.length <= T || r[T].isBlank()) continue;
        List<String> ctx = org.saath.training.RiskText.splitContext(X>=0&&r.length>X?r[X]:"");
        Analysis x = an.analyse(r[T], ctx);
        String context = X >= 0 && r.length > X ? r[X] : "";
        System.out.println(String.join("\t", r[L], r[R], x.risk().name().toLowerCase(), r[C], x.riskSource(),
            x.intent().toString(), r[T], context, String.join(" ", x.signals())));
      }
    }
  }
  static int idx(String[] h, String n){ for(int i=0;i<h.length;i++) if(h[i].trim().equals(n)) return i; return -1; }
}
