package media.icaro.news.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A signed-in browser: the hash of the token in its session cookie, whose account, and until when. */
@Entity
@Table(name = "sign_in_session")
public class SignInSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    public Account account;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set once at sign-in: no request extends it, whatever the cookies say. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
