package org.joinedup.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Information for patients ({@code /portal/information}): pages kept as data ({@code information/<topic>.json}:
 * sections of text, pictures with their descriptions, links to videos), each for the services it belongs to, so an
 * appointment's page links to what there is about it.
 */
@Controller
class InformationPages {

    /** A topic as shown. Public only so that templates can read it. */
    public record Topic(String name, String title, String summary, List<String> services, List<Section> sections, List<Picture> images, List<Video> videos) {
    }

    public record Section(String heading, String text) {
    }

    public record Picture(String src, String alt) {
    }

    public record Video(String title, String url) {
    }

    private final Map<String, Topic> topics = new LinkedHashMap<>();

    InformationPages() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:information/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                JsonNode json = PortalFhir.JSON.readTree(in);
                String name = resource.getFilename().replace(".json", "");
                List<String> services = new ArrayList<>();
                json.path("services").forEach(s -> services.add(s.asText()));
                List<Section> sections = new ArrayList<>();
                json.path("sections").forEach(s -> sections.add(new Section(s.path("heading").asText(), s.path("text").asText())));
                List<Picture> images = new ArrayList<>();
                json.path("images").forEach(i -> images.add(new Picture(i.path("src").asText(), i.path("alt").asText())));
                List<Video> videos = new ArrayList<>();
                json.path("videos").forEach(v -> videos.add(new Video(v.path("title").asText(), v.path("url").asText())));
                topics.put(name, new Topic(name, json.path("title").asText(), json.path("summary").asText(), services, sections, images, videos));
            }
        }
    }

    /** The topic about a service (its code, such as a treatment function), if there is one. */
    Optional<Topic> about(String service) {
        return topics.values().stream().filter(t -> t.services().contains(service)).findFirst();
    }

    @GetMapping("/portal/information")
    String list(Model model) {
        model.addAttribute("topics", topics.values());
        return "portal/information";
    }

    @GetMapping("/portal/information/{name}")
    String topic(@PathVariable String name, Model model) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such page");
        }
        model.addAttribute("topic", topic);
        return "portal/information-topic";
    }
}
