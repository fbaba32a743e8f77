package media.icaro.news.account;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A newsroom user. The table is "account": "user" is reserved in SQL. */
@Entity
public class Account {

    /** Each role includes the ones before it: an editor can do what a contributor can, and more. */
    public enum Role {
        CONTRIBUTOR, EDITOR, ADMIN;

        /** The security roles this role grants, as named in {@code @RolesAllowed}. */
        public Set<String> grants() {
            return switch (this) {
                case CONTRIBUTOR -> Set.of(Roles.CONTRIBUTOR);
                case EDITOR -> Set.of(Roles.CONTRIBUTOR, Roles.EDITOR);
                case ADMIN -> Set.of(Roles.CONTRIBUTOR, Roles.EDITOR, Roles.ADMIN);
            };
        }

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 80)
    public String username;

    /** bcrypt, in modular crypt format; null until an admin sets one (an account brought in by a site import). */
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Role role;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
