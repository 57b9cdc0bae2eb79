package org.axnas.pipelines.flink;

import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.axnas.pipelines.config.ConfigException;

/**
 * Beam options from the flags the command did not recognise (e.g. --runner=FlinkRunner); Flink
 * options are checked and completed by {@link FlinkSubmission}.
 */
public final class BeamOptions {
  /** The help footer of every command that runs a Beam pipeline. */
  public static final String HELP_FOOTER = "%nBeam options: every flag of the form --name=value that axnas does not "
      + "know goes to Apache Beam's PipelineOptions, e.g. --runner=FlinkRunner, --flinkMaster=[local] or "
      + "HOST:PORT, --parallelism=N (Flink), --targetParallelism=N (DirectRunner). The full lists: "
      + "https://beam.apache.org/releases/javadoc/2.70.0/ (PipelineOptions, DirectOptions, FlinkPipelineOptions).";

  private BeamOptions() {}

  public static PipelineOptions parse(List<String> args) {
    for (String a : args) {
      if (!a.startsWith("--") || !a.contains("=")) {
        throw new ConfigException("command line", a,
            "unknown argument; axnas options are listed by --help, Beam options are passed as --name=value");
      }
    }
    PipelineOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).withValidation().create();
      options.setJobName("axnas");
    } catch (IllegalArgumentException e) {
      throw new ConfigException("command line", String.join(" ", args), e.getMessage());
    }
    FlinkSubmission.prepare(options, args, System.err); // probes a remote --flinkMaster; fills in staging and parallelism
    return options;
  }
}
