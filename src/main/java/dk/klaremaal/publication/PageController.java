package dk.klaremaal.publication;

/**
 * A public page. What it shows when what was asked for does not exist (404) or cannot be read (400)
 * comes from the platform's error page ({@code ErrorAdvice}), in the reader's language.
 */
public abstract class PageController {
}
