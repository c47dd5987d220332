package io.schemadiff.cache;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a goal printed and wrote for one comparison, enough to print the same outcome again without
 * redoing it.
 *
 * @param inSync     whether the migrations build exactly the model
 * @param entities   the number of entities compared, for the goals' one-line summaries
 * @param warnings   what the pipeline warned about while comparing (unregistered entities, probable renames…)
 * @param lines      what the goal printed after the comparison, in order
 * @param difference the failure message when not in sync, else {@code null}
 * @param destructive the extra failure when data-losing changes are refused, else {@code null}
 * @param files      the reports and SQL the goal wrote, by file name in the report folder
 */
public record Verdict(boolean inSync, int entities, List<String> warnings, List<Line> lines, String difference,
                      String destructive, Map<String, String> files) {

    public Verdict {
        warnings = List.copyOf(warnings);
        lines = List.copyOf(lines);
        files = Map.copyOf(files);
    }

    /** One printed line and its level. */
    public record Line(boolean warning, String text) {
        public Line {
            Objects.requireNonNull(text);
        }
    }
}
