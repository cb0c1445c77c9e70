package dev.portmoneconnect.api;

/** The body of every API error answer. */
public record ApiError(String error, String runId) {

    public static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
