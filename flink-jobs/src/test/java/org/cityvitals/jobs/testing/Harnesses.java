package org.cityvitals.jobs.testing;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** Flink's keyed test harnesses for this module's functions, fresh or restored from a snapshot. */
public final class Harnesses {

    private Harnesses() {}

    public static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> keyed(
            KeyedProcessFunction<String, I, O> function, KeySelector<I, String> key, OperatorSubtaskState restoreFrom)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, I, O> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), key, Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    public static <I, O> KeyedOneInputStreamOperatorTestHarness<String, I, O> keyed(
            KeyedProcessFunction<String, I, O> function, KeySelector<I, String> key) throws Exception {
        return keyed(function, key, null);
    }

    public static <A, B, O> KeyedTwoInputStreamOperatorTestHarness<String, A, B, O> keyed(
            KeyedCoProcessFunction<String, A, B, O> function, KeySelector<A, String> keyA, KeySelector<B, String> keyB,
            OperatorSubtaskState restoreFrom) throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<String, A, B, O> harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function), keyA, keyB, Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }
}
