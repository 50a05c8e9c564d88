package io.warren.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start-up declaration into Boot's "APPLICATION FAILED TO START" report: what could not be declared
 * and why, and the property to change. Registered in {@code META-INF/spring.factories}.
 */
class WarrenTopologyFailureAnalyzer extends AbstractFailureAnalyzer<WarrenTopologyException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WarrenTopologyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Change " + cause.property() + ", or the broker's existing"
                + " definitions, so that the two agree; or remove " + cause.property() + ".", cause);
    }
}
