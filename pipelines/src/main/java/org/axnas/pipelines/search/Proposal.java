package org.axnas.pipelines.search;

import org.axnas.core.Network;

/** A network the search wants evaluated: its trial id, topology and optimiser configuration. */
public record Proposal(int trialId, Network network, String configJson) {}
