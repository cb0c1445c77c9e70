package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.Jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Webhook posts that arrive while another post's commit is under way are written together, in one
 * transaction, by whichever of their threads gets to commit next: on a store with one writer (SQLite)
 * a commit is the expensive part of a post, and posts otherwise wait for each other's commits anyway.
 * Each caller returns only once the transaction holding its records has committed, so a post is
 * never answered before its records are durable. A transaction that fails is tried again one post at
 * a time, so one bad post does not refuse the others.
 */
final class InboxGroupCommit {

    /** Posts written in one transaction at most; the rest wait for the next. */
    static final int MOST_POSTS = 64;

    /** Writes one post's records on the given connection, inside the caller's transaction: their ids. */
    @FunctionalInterface
    interface Writer {
        List<Long> write(Connection c, Post post, Instant receivedAt) throws SQLException;
    }

    /** One webhook post waiting for its commit. */
    static final class Post {
        final String connectionId;
        final List<String> payloads;
        private List<Long> ids;
        private RuntimeException failure;
        private boolean done;

        Post(String connectionId, List<String> payloads) {
            this.connectionId = connectionId;
            this.payloads = payloads;
        }
    }

    private final ConcurrentLinkedQueue<Post> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committer = new ReentrantLock();
    private final Jdbc jdbc;
    private final Clock clock;
    private final Writer writer;

    InboxGroupCommit(Jdbc jdbc, Clock clock, Writer writer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.writer = writer;
    }

    /** Stores the post's records, with those of the posts waiting beside it: their ids, once committed. */
    List<Long> store(String connectionId, List<String> payloads) {
        Post post = new Post(connectionId, payloads);
        waiting.add(post);
        committer.lock();
        try {
            // the holder before us may have committed this post with its own; posts are taken oldest
            // first, a batch at a time, so this one is in one of the batches this thread commits
            while (!post.done) {
                commitWaiting();
            }
        } finally {
            committer.unlock();
        }
        if (post.failure != null) {
            throw post.failure;
        }
        return post.ids;
    }

    private void commitWaiting() {
        List<Post> batch = new ArrayList<>();
        Post next;
        while (batch.size() < MOST_POSTS && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        Instant now = clock.instant();
        try {
            commit(batch, now);
        } finally {
            for (Post post : batch) {
                if (!post.done) {
                    fail(post, new IllegalStateException("the post was not stored"));
                }
            }
        }
    }

    private void commit(List<Post> batch, Instant now) {
        try {
            List<List<Long>> ids = jdbc.inTransaction(c -> {
                List<List<Long>> written = new ArrayList<>(batch.size());
                for (Post post : batch) {
                    written.add(writer.write(c, post, now));
                }
                return written;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).ids = ids.get(i);
                batch.get(i).done = true;
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            for (Post post : batch) {
                try {
                    post.ids = jdbc.inTransaction(c -> writer.write(c, post, now));
                    post.done = true;
                } catch (RuntimeException alone) {
                    fail(post, alone);
                }
            }
        }
    }

    private static void fail(Post post, RuntimeException e) {
        post.failure = e;
        post.done = true;
    }
}
