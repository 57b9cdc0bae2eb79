import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axnas.pipelines.run.RunFolder;
import org.axnas.schemas.Evaluation;

/**
 * bench/soak's check (run with the fat jar on the classpath): compares the history of a run
 * that was killed and resumed with an uninterrupted one. Prints one line of key=value figures.
 * Usage: java -cp axnas.jar bench/SoakCheck.java REFERENCE_RUN SOAKED_RUN
 */
public class SoakCheck {
  public static void main(String[] args) throws Exception {
    RunFolder reference = new RunFolder(Path.of(args[0]));
    RunFolder soaked = new RunFolder(Path.of(args[1]));
    List<Evaluation> expected = reference.readHistory();
    List<Evaluation> actual = soaked.readHistory();
    Map<Integer, Evaluation> byTrial = new HashMap<>();
    int duplicated = 0;
    Set<String> networks = new HashSet<>();
    for (Evaluation e : actual) {
      if (byTrial.put(e.getTrialId(), e) != null || !networks.add(e.getNetwork().toString())) {
        duplicated++;
      }
    }
    int lost = 0;
    int different = 0;
    for (Evaluation e : expected) {
      Evaluation a = byTrial.get(e.getTrialId());
      if (a == null) {
        lost++;
      } else if (!a.equals(e)) {
        different++;
      }
    }
    boolean identical = reference.finishedRounds().equals(soaked.finishedRounds());
    for (int r : reference.finishedRounds()) {
      identical &= Files.exists(soaked.roundFile(r))
          && java.util.Arrays.equals(Files.readAllBytes(reference.roundFile(r)), Files.readAllBytes(soaked.roundFile(r)));
    }
    System.out.printf("expected=%d kept=%d lost=%d duplicated=%d different=%d identical=%s%n", expected.size(),
        actual.size() - duplicated, lost, duplicated, different, identical ? "yes" : "no");
  }
}
