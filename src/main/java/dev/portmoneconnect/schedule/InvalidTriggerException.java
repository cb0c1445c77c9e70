package dev.portmoneconnect.schedule;

/** A connection's trigger options cannot be used; the message names the connection and the option. */
public class InvalidTriggerException extends IllegalArgumentException {

    public InvalidTriggerException(String message) {
        super(message);
    }
}
