package io.warren.paging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RangeLineTest {
    @Test
    void aRangeThatTheChildPrintedParsesBackToTheSameFacts() {
        Sequences.Range range = new Sequences.Range(3, 10, 12, true, true, true, false);
        RangeLine parsed = RangeLine.parse(range.line("drained deep.persistent"));
        assertThat(parsed.count()).isEqualTo(3);
        assertThat(parsed.first()).isEqualTo(10);
        assertThat(parsed.last()).isEqualTo(12);
        assertThat(parsed.consecutive()).isTrue();
        assertThat(parsed.increasing()).isTrue();
        assertThat(parsed.bodies()).isTrue();
        assertThat(parsed.colors()).isFalse();
    }
}
