package dk.klaremaal.communication;

import dk.klaremaal.goals.Goal;
import dk.klaremaal.goals.GoalService;
import dk.klaremaal.measurement.GoalResult;
import dk.klaremaal.measurement.ResultService;
import dk.klaremaal.platform.InvalidInputException;
import dk.klaremaal.platform.NotFoundException;
import dk.klaremaal.platform.RequestUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A goal for other websites: {@code /indlejret/maal/{id}} is a small page meant for an iframe (its
 * styles stay inside the frame, so it cannot touch the host page's), and {@code /oembed} answers
 * the oEmbed 1.0 question "how do I embed this goal page" with that iframe.
 */
@Controller
class EmbedController {

    static final int DEFAULT_WIDTH = EmbedSnippet.WIDTH;
    static final int DEFAULT_HEIGHT = EmbedSnippet.HEIGHT;
    private static final Pattern GOAL_PAGE = Pattern.compile(".*/maal/(\\d+)/?");

    private final GoalService goals;
    private final ResultService results;

    EmbedController(GoalService goals, ResultService results) {
        this.goals = goals;
        this.results = results;
    }

    @GetMapping("/indlejret/maal/{id}")
    String embedded(@PathVariable long id, Model model) {
        Goal goal = goals.publicGoal(id);
        Optional<GoalResult> latest = results.latest(goal);
        model.addAttribute("goal", goal);
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("pageUrl", base() + "/maal/" + id);
        return "embedded-goal";
    }

    @GetMapping("/oembed")
    @ResponseBody
    ResponseEntity<Map<String, Object>> oembed(@RequestParam String url, @RequestParam(defaultValue = "json") String format,
                                               @RequestParam(required = false) Integer maxwidth,
                                               @RequestParam(required = false) Integer maxheight) {
        if (!format.equals("json")) {
            return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).build();
        }
        if ((maxwidth != null && maxwidth < 1) || (maxheight != null && maxheight < 1)) {
            throw new InvalidInputException(maxwidth != null && maxwidth < 1 ? "maxwidth" : "maxheight", "must be 1 or more");
        }
        Goal goal = goals.publicGoal(goalId(url));
        int width = maxwidth == null ? DEFAULT_WIDTH : Math.min(DEFAULT_WIDTH, maxwidth);
        int height = maxheight == null ? DEFAULT_HEIGHT : Math.min(DEFAULT_HEIGHT, maxheight);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("type", "rich");
        body.put("title", goal.sentence());
        body.put("provider_name", "Klaremål");
        body.put("provider_url", base() + "/");
        body.put("html", EmbedSnippet.of(base(), goal, width, height));
        body.put("width", width);
        body.put("height", height);
        return ResponseEntity.ok(body);
    }

    /** The goal a goal page's address names; a malformed address is a 400, any other address a 404 (oEmbed: no answer for it). */
    private static long goalId(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "not a valid address: " + e.getReason());
        }
        Matcher m = GOAL_PAGE.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (!m.matches() || m.group(1).length() > 18) {
            throw new NotFoundException("No goal page at " + url);
        }
        return Long.parseLong(m.group(1));
    }

    private static String base() {
        return RequestUrls.base();
    }
}
