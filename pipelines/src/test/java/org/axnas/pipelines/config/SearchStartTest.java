package org.axnas.pipelines.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** search.proposals, search.initial and search.warmStart as the config reader checks them. */
class SearchStartTest {
  private static RunConfig parse(String benchmark, String search) {
    return RunConfig.parse("benchmark: " + benchmark + "\nsearch: {maxNeurons: 16, activations: [relu, sigmoid], " + search
        + "}\n" + RunConfigTest.OBJECTIVE, "run.yaml");
  }

  @Test
  void defaultsKeepTodaysSearch() {
    RunConfig c = parse("blackscholes", "budget: 10");
    assertEquals("fperf", c.search().proposals());
    assertEquals(List.of(), c.search().warmStart());
    assertEquals(List.of(), c.search().initial());
  }

  @Test
  void validValuesAreKept() {
    RunConfig c = parse("blackscholes",
        "proposals: parego, warmStart: [runs/bs-g1, /abs/bs], initial: [6-8:sigmoid-8:sigmoid-1, 6-16:relu-1]");
    assertEquals("parego", c.search().proposals());
    assertEquals(List.of("runs/bs-g1", "/abs/bs"), c.search().warmStart());
    assertEquals(List.of("6-8:sigmoid-8:sigmoid-1", "6-16:relu-1"), c.search().initial());
    assertEquals("2-8:sigmoid-2", parse("inversek2j", "initial: 2-8:sigmoid-2").search().initial().get(0));
    assertEquals("ehvi", parse("blackscholes", "proposals: ehvi").search().proposals());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "proposals: ehv | search.proposals | allowed: fperf, parego, ehvi",
      "proposals: 3 | search.proposals | allowed: fperf, parego, ehvi",
      "initial: [6-x-1] | search.initial | is not a network",
      "initial: [6-8:sigmoid] | search.initial | layers",
      "initial: [6-32:relu-1] | search.initial | outside the search space",
      "initial: [6-8:tanh-1] | search.initial | outside the search space",
      "initial: [6-8:relu-8:relu-8:relu-1] | search.initial | outside the search space",
      "initial: [2-8:relu-1] | search.initial | whose networks read 6-8:relu-1",
      "initial: [6-8:relu-1, 6-8:relu-1] | search.initial | twice",
      "warmStart: [''] | search.warmStart | empty entry",
      "warmStart: [a, a] | search.warmStart | names a run folder twice",
      "warmStart: {a: 1} | search.warmStart | expected a list",
  })
  void badValuesNameTheFieldAndWhatIsAllowed(String search, String field, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("blackscholes", search));
    assertEquals(field, e.field());
    assertEquals("run.yaml", e.file());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
