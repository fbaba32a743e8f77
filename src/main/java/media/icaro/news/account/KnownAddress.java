package media.icaro.news.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An address a user signed in from, and when they last did. */
@Entity
@Table(name = "known_address")
public class KnownAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String username;

    @Column(nullable = false, length = 64)
    public String address;

    @Column(name = "signed_in_at", nullable = false)
    public Instant signedInAt;
}
