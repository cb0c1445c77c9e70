package dev.portmoneconnect.schedule;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionGraphTest {

    @Test
    void aChainOfAnyLengthIsFine() {
        ConnectionGraph graph = new ConnectionGraph(Map.of("a", Optional.empty(), "b", Optional.of("a"),
                "c", Optional.of("b"), "d", Optional.of("c"), "e", Optional.of("a")));
        assertThatCode(graph::checkAll).doesNotThrowAnyException();
        assertThat(graph.downstreamOf("a")).containsExactly("b", "e");
        assertThat(graph.upstreamOf("d")).contains("c");
    }

    @Test
    void anUnknownUpstreamIsNamed() {
        ConnectionGraph graph = new ConnectionGraph(Map.of("b", Optional.of("x")));
        assertThatThrownBy(() -> graph.check("b")).isInstanceOf(InvalidTriggerException.class)
                .hasMessage("Connection 'b' runs after 'x', but no route declares connection 'x'");
    }

    @Test
    void aCycleIsNamedInTheOrderRunsWouldStartEachOther() {
        ConnectionGraph two = new ConnectionGraph(Map.of("a", Optional.of("b"), "b", Optional.of("a")));
        assertThatThrownBy(() -> two.check("b"))
                .hasMessage("Connections run after each other in a cycle: a -> b -> a");
        ConnectionGraph three = new ConnectionGraph(Map.of("a", Optional.of("c"), "b", Optional.of("a"),
                "c", Optional.of("b"), "d", Optional.of("c")));
        assertThatThrownBy(() -> three.check("c"))
                .hasMessage("Connections run after each other in a cycle: a -> b -> c -> a");
        assertThatThrownBy(() -> three.check("d"))
                .hasMessage("Connections run after each other in a cycle: a -> b -> c -> a");
    }
}
