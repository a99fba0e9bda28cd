package dev.portcullis.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.portcullis.PortcullisContextRunner;
import dev.portcullis.auth.AdminUser;
import dev.portcullis.auth.AdminUserService;
import dev.portcullis.auth.SignInAlternative;
import dev.portcullis.checks.Check;
import dev.portcullis.checks.CheckMessage;
import dev.portcullis.twofactor.SecondFactorMethod;
import dev.portcullis.twofactor.internal.TwoFactorService;
import dev.portcullis.webauthn.internal.WebAuthnRefusedException.Reason;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service on a real database: registration, sign-in, the counter, the user's list, switches and checks. */
class WebAuthnServiceTest {

    private static final String ORIGIN = "https://admin.example.com";
    private static final RelyingParty RP = new RelyingParty("admin.example.com", Set.of(ORIGIN));
    private static final String PASSWORD = "quiet lantern over harbour water";

    private final ApplicationContextRunner host = PortcullisContextRunner.create();

    @Test
    void aFirstKeyTurnsTwoFactorOnWithRecoveryCodesAndSignsIn() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            AdminUser user = ctx.getBean(AdminUserService.class).createUser("ada", PASSWORD, true, false, false);
            TestAuthenticator key = new TestAuthenticator();

            WebAuthnService.Registered registered = register(service, user, key, "YubiKey 5C");

            assertThat(registered.recoveryCodes()).hasSize(10);
            assertThat(ctx.getBean(AdminUserService.class).findById(user.getId()).orElseThrow().isTwoFactorEnabled())
                    .isTrue();
            assertThat(service.keys(user.getId())).singleElement().satisfies(k -> {
                assertThat(k.name()).isEqualTo("YubiKey 5C");
                assertThat(k.passkey()).isTrue();
                assertThat(k.transports()).containsExactly("internal");
                assertThat(k.lastUsedAt()).isNull();
            });
            // A second key brings no new codes.
            assertThat(register(service, user, new TestAuthenticator(), "Spare").recoveryCodes()).isEmpty();

            Ceremony signIn = service.startSecondFactor(user.getId(), RP);
            assertThat(options(signIn).get("allowCredentials")).hasSize(2);
            service.finishSecondFactor(signIn, user.getId(), "ada",
                    key.sign(challenge(signIn), ORIGIN, RP.id(), false, 3, null), "10.0.0.1");
            assertThat(service.keys(user.getId()).get(0).lastUsedAt()).isNotNull();
        });
    }

    @Test
    void aCounterGoingBackwardsIsRefusedAndTheCloneWarningStays() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            AdminUser user = ctx.getBean(AdminUserService.class).createUser("bob", PASSWORD, true, false, false);
            TestAuthenticator key = new TestAuthenticator();
            register(service, user, key, "Key");
            Ceremony first = service.startSecondFactor(user.getId(), RP);
            service.finishSecondFactor(first, user.getId(), "bob",
                    key.sign(challenge(first), ORIGIN, RP.id(), false, 8, null), null);

            Ceremony copy = service.startSecondFactor(user.getId(), RP);
            String answer = key.sign(challenge(copy), ORIGIN, RP.id(), false, 4, null);
            assertThatThrownBy(() -> service.finishSecondFactor(copy, user.getId(), "bob", answer, null))
                    .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                            refused -> assertThat(refused.reason()).isEqualTo(Reason.CLONED));

            assertThat(service.keys(user.getId()).get(0).cloneWarning()).isTrue();
            assertThat(service.keysWithCloneWarning()).isEqualTo(1);
        });
    }

    @Test
    void aKeyOfAnotherUserDoesNotSignIn() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            AdminUserService users = ctx.getBean(AdminUserService.class);
            AdminUser ada = users.createUser("ada", PASSWORD, true, false, false);
            AdminUser eve = users.createUser("eve", PASSWORD, true, false, false);
            TestAuthenticator evesKey = new TestAuthenticator();
            register(service, ada, new TestAuthenticator(), "Ada's");
            register(service, eve, evesKey, "Eve's");

            Ceremony signIn = service.startSecondFactor(ada.getId(), RP);
            String answer = evesKey.sign(challenge(signIn), ORIGIN, RP.id(), true, 1, null);
            assertThatThrownBy(() -> service.finishSecondFactor(signIn, ada.getId(), "ada", answer, null))
                    .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                            refused -> assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        });
    }

    @Test
    void passwordlessSignInIsOffByDefaultAndNeedsTheUsersHandleAndVerification() {
        host.run(ctx -> assertThatThrownBy(() -> ctx.getBean(WebAuthnService.class).startPasswordless(RP))
                .isInstanceOf(WebAuthnRefusedException.class));
        host.withPropertyValues("portcullis.webauthn.passwordless=true").run(ctx -> {
            assertThat(ctx).hasSingleBean(SignInAlternative.class);
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            AdminUser user = ctx.getBean(AdminUserService.class).createUser("ada", PASSWORD, true, false, false);
            TestAuthenticator key = new TestAuthenticator();
            Ceremony registration = service.startRegistration(user.getId(), "ada", RP);
            byte[] handle = Base64.getUrlDecoder().decode(options(registration).get("user").get("id").asString());
            service.finishRegistration(registration, user.getId(),
                    key.register(challenge(registration), ORIGIN, RP.id(), true), "Passkey");

            Ceremony unverified = service.startPasswordless(RP);
            String withoutUv = key.sign(challenge(unverified), ORIGIN, RP.id(), false, 1, handle);
            assertThatThrownBy(() -> service.finishPasswordless(unverified, withoutUv, null))
                    .isInstanceOfSatisfying(WebAuthnRefusedException.class,
                            refused -> assertThat(refused.reason()).isEqualTo(Reason.USER_NOT_VERIFIED));

            Ceremony wrongHandle = service.startPasswordless(RP);
            String otherHandle = key.sign(challenge(wrongHandle), ORIGIN, RP.id(), true, 2, new byte[32]);
            assertThatThrownBy(() -> service.finishPasswordless(wrongHandle, otherHandle, null))
                    .isInstanceOf(WebAuthnRefusedException.class);

            Ceremony signIn = service.startPasswordless(RP);
            assertThat(service.finishPasswordless(signIn,
                    key.sign(challenge(signIn), ORIGIN, RP.id(), true, 3, handle), null)).isEqualTo("ada");
        });
    }

    @Test
    void removingAKeyNeedsThePasswordAndTheLastOneTurnsTwoFactorOff() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            AdminUserService users = ctx.getBean(AdminUserService.class);
            AdminUser user = users.createUser("ada", PASSWORD, true, false, false);
            List<String> codes = register(service, user, new TestAuthenticator(), "Key").recoveryCodes();
            long keyId = service.keys(user.getId()).get(0).id();

            assertThatThrownBy(() -> service.remove(user.getId(), keyId, "wrong", WebAuthnService.Factor.code(
                    codes.get(0)), null)).hasMessage(WebAuthnService.wrongFactor());
            assertThat(service.keys(user.getId())).hasSize(1);

            service.remove(user.getId(), keyId, PASSWORD, WebAuthnService.Factor.code(codes.get(0)), null);
            assertThat(service.keys(user.getId())).isEmpty();
            assertThat(users.findById(user.getId()).orElseThrow().isTwoFactorEnabled()).isFalse();
            assertThat(ctx.getBean(TwoFactorService.class).status(user.getId()).recoveryCodesLeft()).isZero();
        });
    }

    @Test
    void removingAKeyNeedsACurrentSecondFactorAndAWrongOrMissingOneIsCounted() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            TwoFactorService twoFactor = ctx.getBean(TwoFactorService.class);
            AdminUser user = ctx.getBean(AdminUserService.class).createUser("ada", PASSWORD, true, false, false);
            TestAuthenticator first = new TestAuthenticator();
            List<String> codes = register(service, user, first, "First").recoveryCodes();
            register(service, user, new TestAuthenticator(), "Second");
            register(service, user, new TestAuthenticator(), "Third");
            long secondId = service.keys(user.getId()).get(1).id();
            long thirdId = service.keys(user.getId()).get(2).id();

            // No factor, a wrong code, and the password alone: refused, nothing removed.
            assertThatThrownBy(() -> service.remove(user.getId(), secondId, PASSWORD, WebAuthnService.Factor.code(
                    " "), "10.0.0.9")).hasMessage(WebAuthnService.noFactor());
            assertThatThrownBy(() -> service.remove(user.getId(), secondId, PASSWORD, null, "10.0.0.9"))
                    .hasMessage(WebAuthnService.noFactor());
            assertThatThrownBy(() -> service.remove(user.getId(), secondId, PASSWORD, WebAuthnService.Factor.code(
                    "123456"), "10.0.0.9")).hasMessage(WebAuthnService.wrongFactor());
            // A wrong password does not get to spend a recovery code.
            assertThatThrownBy(() -> service.remove(user.getId(), secondId, "wrong", WebAuthnService.Factor.code(
                    codes.get(0)), "10.0.0.9")).hasMessage(WebAuthnService.wrongFactor());
            assertThat(twoFactor.status(user.getId()).recoveryCodesLeft()).isEqualTo(10);
            assertThat(service.keys(user.getId())).hasSize(3);

            // A recovery code works once.
            service.remove(user.getId(), secondId, PASSWORD, WebAuthnService.Factor.code(codes.get(0)), null);
            assertThat(twoFactor.status(user.getId()).recoveryCodesLeft()).isEqualTo(9);
            assertThat(service.keys(user.getId())).extracting(WebAuthnService.Key::name).containsExactly("First",
                    "Third");

            // An answer by one of the user's keys, to a challenge of its own; the same answer never twice.
            Ceremony check = service.startSecondFactor(user.getId(), RP);
            String answer = first.sign(challenge(check), ORIGIN, RP.id(), false, 5, null);
            service.remove(user.getId(), thirdId, PASSWORD, WebAuthnService.Factor.key(check, answer), null);
            assertThat(service.keys(user.getId())).extracting(WebAuthnService.Key::name).containsExactly("First");

            // Four failures counted above (address 10.0.0.9): the fifth locks removal even with everything right.
            assertThatThrownBy(() -> service.remove(user.getId(), service.keys(user.getId()).get(0).id(), PASSWORD,
                    WebAuthnService.Factor.key(check, answer), null)).hasMessage(WebAuthnService.wrongFactor());
            assertThatThrownBy(() -> service.remove(user.getId(), service.keys(user.getId()).get(0).id(), PASSWORD,
                    WebAuthnService.Factor.code(codes.get(1)), null)).hasMessage(WebAuthnService.throttled());
            assertThat(twoFactor.status(user.getId()).recoveryCodesLeft()).isEqualTo(9);
            assertThat(service.keys(user.getId())).hasSize(1);
        });
    }

    @Test
    void anotherUsersKeyDoesNotConfirmARemoval() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            AdminUserService users = ctx.getBean(AdminUserService.class);
            AdminUser ada = users.createUser("ada", PASSWORD, true, false, false);
            AdminUser eve = users.createUser("eve", PASSWORD, true, false, false);
            TestAuthenticator evesKey = new TestAuthenticator();
            register(service, ada, new TestAuthenticator(), "Ada's");
            register(service, ada, new TestAuthenticator(), "Ada's spare");
            register(service, eve, evesKey, "Eve's");
            long keyId = service.keys(ada.getId()).get(1).id();

            Ceremony check = service.startSecondFactor(ada.getId(), RP);
            String answer = evesKey.sign(challenge(check), ORIGIN, RP.id(), false, 1, null);
            assertThatThrownBy(() -> service.remove(ada.getId(), keyId, PASSWORD, WebAuthnService.Factor.key(check,
                    answer), null)).hasMessage(WebAuthnService.wrongFactor());
            assertThat(service.keys(ada.getId())).hasSize(2);
        });
    }

    @Test
    void aUserWithOnlyKeysMakesNewRecoveryCodesWithPasswordAndKey() {
        host.run(ctx -> {
            WebAuthnService service = ctx.getBean(WebAuthnService.class);
            TwoFactorService twoFactor = ctx.getBean(TwoFactorService.class);
            AdminUser user = ctx.getBean(AdminUserService.class).createUser("ada", PASSWORD, true, false, false);
            TestAuthenticator key = new TestAuthenticator();
            List<String> old = register(service, user, key, "Key").recoveryCodes();

            // The app-code way cannot work: there is no app.
            assertThatThrownBy(() -> twoFactor.regenerateRecoveryCodes(user.getId(), PASSWORD, "123456", null))
                    .isInstanceOf(TwoFactorService.RefusedException.class);

            // A wrong password spends the key's challenge: its answer cannot be tried again.
            Ceremony first = service.startSecondFactor(user.getId(), RP);
            SecondFactorMethod.Answer firstAnswer = SecurityKeyMethod.answer(service, first,
                    key.sign(challenge(first), ORIGIN, RP.id(), false, 1, null));
            assertThatThrownBy(() -> twoFactor.regenerateRecoveryCodes(user.getId(), "wrong", firstAnswer, null))
                    .isInstanceOf(TwoFactorService.RefusedException.class).hasMessageContaining("security key");
            assertThatThrownBy(() -> twoFactor.regenerateRecoveryCodes(user.getId(), PASSWORD, firstAnswer, null))
                    .isInstanceOf(TwoFactorService.RefusedException.class);

            Ceremony second = service.startSecondFactor(user.getId(), RP);
            List<String> fresh = twoFactor.regenerateRecoveryCodes(user.getId(), PASSWORD, SecurityKeyMethod.answer(
                    service, second, key.sign(challenge(second), ORIGIN, RP.id(), false, 2, null)), null);
            assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);
            assertThat(twoFactor.verify(user.getId(), old.get(0), null).outcome())
                    .isEqualTo(TwoFactorService.Outcome.WRONG);
            assertThat(twoFactor.verify(user.getId(), fresh.get(0), null).outcome())
                    .isEqualTo(TwoFactorService.Outcome.RECOVERY_CODE_ACCEPTED);
        });
    }

    @Test
    void isOnWithTwoFactorSignInAndOffWithEitherSwitch() {
        host.run(ctx -> assertThat(ctx).hasSingleBean(WebAuthnService.class)
                .hasSingleBean(SecondFactorMethod.class).doesNotHaveBean(SignInAlternative.class));
        host.withPropertyValues("portcullis.webauthn.enabled=false").run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(WebAuthnService.class).doesNotHaveBean(SecondFactorMethod.class));
        host.withPropertyValues("portcullis.two-factor.enabled=false").run(ctx -> assertThat(ctx).hasNotFailed()
                .doesNotHaveBean(WebAuthnService.class));
    }

    @Test
    void aRelyingPartyIdOutsideTheAdminsHostsIsAnError() {
        host.withPropertyValues("portcullis.admin.allowed-hosts=admin.example.com,127.0.0.1",
                "portcullis.webauthn.rp-id=example.org").run(ctx -> assertThat(ids(ctx))
                        .containsExactly("webauthn.E001"));
        host.withPropertyValues("portcullis.admin.allowed-hosts=admin.example.com",
                "portcullis.webauthn.allowed-origins=https://evil.example.net").run(ctx -> assertThat(ids(ctx))
                        .containsExactly("webauthn.E001"));
        host.withPropertyValues("portcullis.admin.allowed-hosts=admin.example.com,127.0.0.1",
                "portcullis.webauthn.rp-id=example.com",
                "portcullis.webauthn.allowed-origins=https://admin.example.com").run(ctx -> assertThat(ids(ctx))
                        .isEmpty());
    }

    private static List<String> ids(ApplicationContext ctx) {
        return ctx.getBean("portcullisWebAuthnRelyingPartyCheck", Check.class).run().stream().map(CheckMessage::id)
                .toList();
    }

    private static WebAuthnService.Registered register(WebAuthnService service, AdminUser user, TestAuthenticator key,
            String name) {
        Ceremony registration = service.startRegistration(user.getId(), user.getUsername(), RP);
        return service.finishRegistration(registration, user.getId(),
                key.register(challenge(registration), ORIGIN, RP.id(), true), name);
    }

    private static byte[] challenge(Ceremony ceremony) {
        return Base64.getUrlDecoder().decode(options(ceremony).get("challenge").asString());
    }

    private static JsonNode options(Ceremony ceremony) {
        return JsonMapper.builder().build().readTree(ceremony.options());
    }

}
