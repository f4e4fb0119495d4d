package org.corpusbench.cli;

/** The dataset tasks beyond entities: dates, contradictions and NLI. */
final class TaskEvaluations {

    private TaskEvaluations() {
    }

    static int run(EvaluateCommand cmd, String task) {
        throw new UsageException("--task " + task + " is not supported by this build yet");
    }
}
