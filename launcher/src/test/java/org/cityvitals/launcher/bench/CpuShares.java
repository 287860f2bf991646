package org.cityvitals.launcher.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who used the CPU during a measurement: the in-process Kafka broker's threads, every other Java thread of this JVM
 * (the Flink job with its Kafka clients), the JVM's own threads (GC, JIT: the process total less its Java threads)
 * and the ClickHouse server process. Java threads are sampled every 100 ms because a job's task threads end with it;
 * a thread's last 100 ms may be missed.
 */
final class CpuShares implements AutoCloseable {

    /** The broker's threads, by the names Kafka gives them (its clients' threads belong to the job). */
    private static final Pattern BROKER = Pattern.compile("^(data-plane-|kafka-\\d|kafka-scheduler|kafka-log|"
            + "group-coordinator|share-|quorum-controller|ExpirationReaper|broker-|controller-|raft-|"
            + "client-metrics-reaper|LogDirFailureHandler|log-cleaner)");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private final Map<Long, Long> lastCpu = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final long clickHousePid;
    private final long processStart;
    private final long clickHouseStart;
    private final long wallStart = System.nanoTime();
    private final Thread sampler;
    private volatile boolean running = true;

    CpuShares(long clickHousePid) {
        this.clickHousePid = clickHousePid;
        this.processStart = processCpuNanos();
        this.clickHouseStart = clickHouseCpuNanos();
        sample(startCpu);
        sampler = new Thread(() -> {
            while (running) {
                sample(lastCpu);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sample(Map<Long, Long> into) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                into.put(info.getThreadId(), cpu);
                names.putIfAbsent(info.getThreadId(), info.getThreadName());
            }
        }
    }

    /** Stops sampling; the shares of the two cores over the measurement, in per cent, by user. */
    Map<String, Double> shares() throws InterruptedException {
        running = false;
        sampler.join();
        sample(lastCpu);
        double wall = System.nanoTime() - wallStart;
        double capacity = wall * Runtime.getRuntime().availableProcessors();
        long broker = 0;
        long job = 0;
        synchronized (this) {
            for (Map.Entry<Long, Long> e : lastCpu.entrySet()) {
                long used = e.getValue() - startCpu.getOrDefault(e.getKey(), 0L);
                if (BROKER.matcher(names.get(e.getKey())).find()) {
                    broker += used;
                } else if (!names.get(e.getKey()).equals("bench-cpu-sampler")) {
                    job += used;
                }
            }
        }
        long jvm = processCpuNanos() - processStart - broker - job;
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("job", 100 * job / capacity);
        shares.put("broker", 100 * broker / capacity);
        shares.put("GC+JIT", 100 * Math.max(0, jvm) / capacity);
        shares.put("ClickHouse", 100 * (clickHouseCpuNanos() - clickHouseStart) / capacity);
        return shares;
    }

    @Override
    public void close() {
        running = false;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of the ClickHouse server from /proc (Linux). */
    private long clickHouseCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(clickHousePid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of ClickHouse (pid " + clickHousePid + ")", e);
        }
    }
}
