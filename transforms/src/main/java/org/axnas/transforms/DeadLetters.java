package org.axnas.transforms;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.axnas.schemas.DeadLetter;

/** Builds failure records: the stage, the input as JSON, the reason and the stack trace. */
public final class DeadLetters {
  private DeadLetters() {}

  public static DeadLetter of(String stage, Object input, String reason, Throwable error) {
    String trace = "";
    if (error != null) {
      StringWriter sw = new StringWriter();
      error.printStackTrace(new PrintWriter(sw));
      trace = sw.toString();
    }
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setInput(String.valueOf(input))
        .setReason(reason)
        .setStackTrace(trace)
        .build();
  }

  public static DeadLetter of(String stage, Object input, String reason) {
    return of(stage, input, reason, null);
  }
}
