package media.icaro.news.section;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(length = 500)
    public String description;

    @Column(name = "nav_position", nullable = false)
    public int position;
}
