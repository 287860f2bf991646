package org.cityvitals.dashboard.live;

/**
 * The live view's limits: how many alert-stream records it keeps for resumes, how many a client may have queued
 * before it is disconnected (it then resumes from its cursor without loss), and how many sockets one user may hold.
 */
public record HubSettings(int alertLogSize, int maxQueuedPerClient, int maxSocketsPerUser) {

    public HubSettings {
        if (alertLogSize < 1 || maxQueuedPerClient < 1 || maxSocketsPerUser < 1) {
            throw new IllegalArgumentException("live view limits must be positive: " + alertLogSize + ", "
                    + maxQueuedPerClient + ", " + maxSocketsPerUser);
        }
    }
}
