package dev.rootline.engine.template;

import java.util.List;

/**
 * How a {@link TemplateMiner} reads messages.
 *
 * @param masks        variables to mask before the message is split into tokens, in order
 * @param digitVariables whether a token with a digit in it is a variable (ids, counts, sizes, addresses)
 * @param prefixTokens how many leading tokens route a message to its candidates (Drain's depth minus two); 0 routes
 *                     by length only, so that a variable first word does not scatter one shape
 * @param similarity   the least share of equal tokens for a message to join a template
 * @param maxChildren  the most distinct tokens routed on at one position; more go through the {@code <*>} branch
 * @param maxTemplates the most templates kept; the least recently seen one is forgotten to make room
 */
public record MinerConfig(
        List<MaskRule> masks,
        boolean digitVariables,
        int prefixTokens,
        double similarity,
        int maxChildren,
        int maxTemplates) {

    public MinerConfig {
        masks = List.copyOf(masks);
        if (similarity <= 0 || similarity > 1) {
            throw new IllegalArgumentException("similarity must be in (0, 1], not " + similarity);
        }
        if (prefixTokens < 0 || maxChildren < 1 || maxTemplates < 1) {
            throw new IllegalArgumentException("prefixTokens, maxChildren and maxTemplates must be positive");
        }
    }

    /** The same, with other masks. */
    public MinerConfig withMasks(List<MaskRule> masks) {
        return new MinerConfig(masks, digitVariables, prefixTokens, similarity, maxChildren, maxTemplates);
    }
}
