package io.mailtrip.mailkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The mailbox the fake SMTP server delivers into and the fake POP3 server serves. */
public final class FakeMailbox implements AutoCloseable {

    /** How an accepted message reaches the mailbox. */
    public enum Delivery { NOW, TWICE, NEVER, LATE }

    /** One stored message. */
    public record Message(String uid, String text) {
    }

    private final List<Message> messages = new ArrayList<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Delivery delivery = Delivery.NOW;
    private volatile java.util.function.Consumer<String> onDelivery = text -> { };
    private volatile long lateMillis = 1_500;
    private int nextUid = 1;

    public void delivery(Delivery delivery) {
        this.delivery = delivery;
    }

    public void lateBy(long millis) {
        this.lateMillis = millis;
    }

    /** Called with every accepted message before it is stored (to add look-alikes, for example). */
    public void onDelivery(java.util.function.Consumer<String> hook) {
        this.onDelivery = hook;
    }

    public synchronized void add(String text) {
        messages.add(new Message("uid-" + nextUid++, text));
    }

    /** What the fake SMTP server calls when it accepted a message. */
    public void deliver(String text) {
        onDelivery.accept(text);
        switch (delivery) {
            case NOW -> add(text);
            case TWICE -> {
                add(text);
                add(text);
            }
            case NEVER -> {
            }
            case LATE -> later.schedule(() -> add(text), lateMillis, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized List<Message> snapshot() {
        return List.copyOf(messages);
    }

    /** Another client deletes the message at {@code index} (0-based), as a user's mail program might. */
    public synchronized void removeAt(int index) {
        messages.remove(index);
    }

    public synchronized void remove(List<Message> deleted) {
        messages.removeAll(deleted);
    }

    public synchronized int size() {
        return messages.size();
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
