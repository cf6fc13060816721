package dev.rootline.engine.rca;

import java.util.ArrayList;
import java.util.List;

/** A chain told as five whys: from what users saw down to the root cause. */
public final class Whys {

    private Whys() {}

    /**
     * @param stepsRootFirst the title of each chain step, the root first and the outermost effect last
     * @return one line per link, e.g. "Why: Container exited with code 3? Because: gunicorn worker exited with code 3."
     */
    public static List<String> of(List<String> stepsRootFirst) {
        List<String> whys = new ArrayList<>();
        for (int i = stepsRootFirst.size() - 1; i > 0; i--) {
            whys.add("Why: " + stepsRootFirst.get(i) + "? Because: " + stepsRootFirst.get(i - 1) + ".");
        }
        return whys;
    }
}
