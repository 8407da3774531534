import { describe, expect, it } from 'vitest';
import { bn254 } from '@noble/curves/bn254.js';
import { bn254AddPrecompile } from '../../../src/hooks/precompiles/06-bn254Add.js';
import { bn254MulPrecompile } from '../../../src/hooks/precompiles/07-bn254Mul.js';
import { bn254PairingPrecompile } from '../../../src/hooks/precompiles/08-bn254Pairing.js';
import { checkVector, hexToBytes, okOutput, type Vector } from './helpers.js';

const P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47n;
const word = (n: bigint) => n.toString(16).padStart(64, '0');
const ZERO64 = '00'.repeat(64);
const ONE_TWO = word(1n) + word(2n); // G1 generator
const OUT_OF_GAS = { ok: false, reason: 'OutOfGas' };

// go-ethereum core/vm/testdata/precompiles/bn256Add.json (EIP-196 vectors by chfast / cdetrio).
const addVectors: Vector[] = [
  {
    name: 'chfast1',
    input:
      '18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266' +
      '07c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7',
    expected:
      '2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915',
    gas: 150,
  },
  {
    name: 'chfast2',
    input:
      '2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915' +
      '18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266',
    expected:
      '2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204',
    gas: 150,
  },
  { name: 'cdetrio1', input: '00'.repeat(192), expected: ZERO64, gas: 150 },
  { name: 'cdetrio2', input: '00'.repeat(128), expected: ZERO64, gas: 150 },
  { name: 'cdetrio3', input: '00'.repeat(80), expected: ZERO64, gas: 150 },
  { name: 'cdetrio4', input: '', expected: ZERO64, gas: 150 },
  { name: 'cdetrio5', input: '00'.repeat(192), expected: ZERO64, gas: 150 },
  { name: 'cdetrio6', input: ZERO64 + ONE_TWO, expected: ONE_TWO, gas: 150 },
  { name: 'cdetrio7', input: ZERO64 + ONE_TWO + ZERO64, expected: ONE_TWO, gas: 150 },
  { name: 'cdetrio8', input: ONE_TWO, expected: ONE_TWO, gas: 150 },
  { name: 'cdetrio9', input: ONE_TWO + ZERO64, expected: ONE_TWO, gas: 150 },
  { name: 'cdetrio10', input: ONE_TWO + ZERO64 + ZERO64, expected: ONE_TWO, gas: 150 },
  {
    name: 'cdetrio11',
    input: ONE_TWO + ONE_TWO,
    expected:
      '030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4',
    gas: 150,
  },
  {
    name: 'cdetrio12',
    input: ONE_TWO + ONE_TWO + ZERO64,
    expected:
      '030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4',
    gas: 150,
  },
  {
    name: 'cdetrio13',
    input:
      '17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c' +
      '039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98',
    expected:
      '15bf2bb17880144b5d1cd2b1f46eff9d617bffd1ca57c37fb5a49bd84e53cf66049c797f9ce0d17083deb32b5e36f2ea2a212ee036598dd7624c168993d1355f',
    gas: 150,
  },
  {
    name: 'cdetrio14: P + (-P) = infinity',
    input:
      '17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c' +
      '17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb' +
      ZERO64,
    expected: ZERO64,
    gas: 150,
  },
];

// go-ethereum core/vm/testdata/precompiles/bn256ScalarMul.json.
const PA =
  '1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6';
const PB =
  '17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c';
const PC =
  '039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98';
const S_MAX = 'ff'.repeat(32);
const S_N = '30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000'; // n - 1
const S_2_128 = '0000000000000000000000000000000100000000000000000000000000000000';
const mulVectors: Vector[] = [
  {
    name: 'chfast1',
    input:
      '2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204' +
      '00000000000000000000000000000000000000000000000011138ce750fa15c2',
    expected:
      '070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc',
    gas: 6000,
  },
  {
    name: 'chfast2',
    input:
      '070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc' +
      '30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46',
    expected:
      '025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e',
    gas: 6000,
  },
  {
    name: 'chfast3',
    input:
      '025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e' +
      '183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea3',
    expected:
      '14789d0d4a730b354403b5fac948113739e276c23e0258d8596ee72f9cd9d3230af18a63153e0ec25ff9f2951dd3fa90ed0197bfef6e2a1a62b5095b9d2b4a27',
    gas: 6000,
  },
  {
    name: 'cdetrio1',
    input: PA + S_MAX,
    expected:
      '2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c411aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11',
    gas: 6000,
  },
  {
    name: 'cdetrio2',
    input: PA + S_N,
    expected:
      '1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3163511ddc1c3f25d396745388200081287b3fd1472d8339d5fecb2eae0830451',
    gas: 6000,
  },
  {
    name: 'cdetrio3',
    input: PA + S_2_128,
    expected:
      '1051acb0700ec6d42a88215852d582efbaef31529b6fcbc3277b5c1b300f5cf0135b2394bb45ab04b8bd7611bd2dfe1de6a4e6e2ccea1ea1955f577cd66af85b',
    gas: 6000,
  },
  {
    name: 'cdetrio4',
    input: PA + word(9n),
    expected:
      '1dbad7d39dbc56379f78fac1bca147dc8e66de1b9d183c7b167351bfe0aeab742cd757d51289cd8dbd0acf9e673ad67d0f0a89f912af47ed1be53664f5692575',
    gas: 6000,
  },
  { name: 'cdetrio5', input: PA + word(1n), expected: PA, gas: 6000 },
  {
    name: 'cdetrio6',
    input: PB + S_MAX,
    expected:
      '29e587aadd7c06722aabba753017c093f70ba7eb1f1c0104ec0564e7e3e21f6022b1143f6a41008e7755c71c3d00b6b915d386de21783ef590486d8afa8453b1',
    gas: 6000,
  },
  {
    name: 'cdetrio7',
    input: PB + S_N,
    expected:
      '17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb',
    gas: 6000,
  },
  {
    name: 'cdetrio8',
    input: PB + S_2_128,
    expected:
      '221a3577763877920d0d14a91cd59b9479f83b87a653bb41f82a3f6f120cea7c2752c7f64cdd7f0e494bff7b60419f242210f2026ed2ec70f89f78a4c56a1f15',
    gas: 6000,
  },
  {
    name: 'cdetrio9',
    input: PB + word(9n),
    expected:
      '228e687a379ba154554040f8821f4e41ee2be287c201aa9c3bc02c9dd12f1e691e0fd6ee672d04cfd924ed8fdc7ba5f2d06c53c1edc30f65f2af5a5b97f0a76a',
    gas: 6000,
  },
  { name: 'cdetrio10', input: PB + word(1n), expected: PB, gas: 6000 },
  {
    name: 'cdetrio11',
    input: PC + S_MAX,
    expected:
      '00a1a234d08efaa2616607e31eca1980128b00b415c845ff25bba3afcb81dc00242077290ed33906aeb8e42fd98c41bcb9057ba03421af3f2d08cfc441186024',
    gas: 6000,
  },
  {
    name: 'cdetrio12',
    input: PC + S_N,
    expected:
      '039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b8692929ee761a352600f54921df9bf472e66217e7bb0cee9032e00acc86b3c8bfaf',
    gas: 6000,
  },
  {
    name: 'cdetrio13',
    input: PC + S_2_128,
    expected:
      '1071b63011e8c222c5a771dfa03c2e11aac9666dd097f2c620852c3951a4376a2f46fe2f73e1cf310a168d56baa5575a8319389d7bfa6b29ee2d908305791434',
    gas: 6000,
  },
  {
    name: 'cdetrio14',
    input: PC + word(9n),
    expected:
      '19f75b9dd68c080a688774a6213f131e3052bd353a304a189d7a2ee367e3c2582612f545fb9fc89fde80fd81c68fc7dcb27fea5fc124eeda69433cf5c46d2d7f',
    gas: 6000,
  },
  { name: 'cdetrio15', input: PC + word(1n), expected: PC, gas: 6000 },
];

// G2 generator (EIP-197 encoding: x_im, x_re, y_im, y_re) and its negation.
const G2_GEN =
  '198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed' +
  '090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa';
const G2_NEG =
  '198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed' +
  '275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d';
const TRUE = word(1n);
const FALSE = word(0n);

// go-ethereum core/vm/testdata/precompiles/bn256Pairing.json (EIP-197 vectors).
const pairingVectors: Vector[] = [
  {
    name: 'jeff1',
    input:
      '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41' +
      '209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678' +
      '2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550' +
      '111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411' +
      G2_GEN,
    expected: TRUE,
    gas: 113000,
  },
  {
    name: 'jeff2',
    input:
      '2eca0c7238bf16e83e7a1e6c5d49540685ff51380f309842a98561558019fc0203d3260361bb8451de5ff5ecd17f010ff22f5c31cdf184e9020b06fa5997db84' +
      '1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f' +
      '21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f' +
      '06967a1237ebfeca9aaae0d6d0bab8e28c198c5a339ef8a2407e31cdac516db922160fa257a5fd5b280642ff47b65eca77e626cb685c84fa6d3b6882a283ddd1' +
      G2_GEN,
    expected: TRUE,
    gas: 113000,
  },
  {
    name: 'jeff3',
    input:
      '0f25929bcb43d5a57391564615c9e70a992b10eafa4db109709649cf48c50dd216da2f5cb6be7a0aa72c440c53c9bbdfec6c36c7d515536431b3a865468acbba' +
      '2e89718ad33c8bed92e210e81d1853435399a271913a6520736a4729cf0d51eb01a9e2ffa2e92599b68e44de5bcf354fa2642bd4f26b259daa6f7ce3ed57aeb3' +
      '14a9a87b789a58af499b314e13c3d65bede56c07ea2d418d6874857b70763713178fb49a2d6cd347dc58973ff49613a20757d0fcc22079f9abd10c3baee24590' +
      '1b9e027bd5cfc2cb5db82d4dc9677ac795ec500ecd47deee3b5da006d6d049b811d7511c78158de484232fc68daf8a45cf217d1c2fae693ff5871e8752d73b21' +
      G2_GEN,
    expected: TRUE,
    gas: 113000,
  },
  {
    name: 'jeff4',
    input:
      '2f2ea0b3da1e8ef11914acf8b2e1b32d99df51f5f4f206fc6b947eae860eddb6068134ddb33dc888ef446b648d72338684d678d2eb2371c61a50734d78da4b72' +
      '25f83c8b6ab9de74e7da488ef02645c5a16a6652c3c71a15dc37fe3a5dcb7cb122acdedd6308e3bb230d226d16a105295f523a8a02bfc5e8bd2da135ac4c245d' +
      '065bbad92e7c4e31bf3757f1fe7362a63fbfee50e7dc68da116e67d600d9bf6806d302580dc0661002994e7cd3a7f224e7ddc27802777486bf80f40e4ca3cfdb' +
      '186bac5188a98c45e6016873d107f5cd131f3a3e339d0375e58bd6219347b008122ae2b09e539e152ec5364e7e2204b03d11d3caa038bfc7cd499f8176aacbee' +
      '1f39e4e4afc4bc74790a4a028aff2c3d2538731fb755edefd8cb48d6ea589b5e283f150794b6736f670d6a1033f9b46c6f5204f50813eb85c8dc4b59db1c5d39' +
      '140d97ee4d2b36d99bc49974d18ecca3e7ad51011956051b464d9e27d46cc25e0764bb98575bd466d32db7b15f582b2d5c452b36aa394b789366e5e3ca5aabd4' +
      '15794ab061441e51d01e94640b7e3084a07e02c78cf3103c542bc5b298669f211b88da1679b0b64a63b7e0e7bfe52aae524f73a55be7fe70c7e9bfc94b4cf0da' +
      '1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f' +
      '21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f',
    expected: TRUE,
    gas: 147000,
  },
  {
    name: 'jeff5',
    input:
      '20a754d2071d4d53903e3b31a7e98ad6882d58aec240ef981fdf0a9d22c5926a29c853fcea789887315916bbeb89ca37edb355b4f980c9a12a94f30deeed3021' +
      '1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f' +
      '21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f' +
      '1abb4a25eb9379ae96c84fff9f0540abcfc0a0d11aeda02d4f37e4baf74cb0c11073b3ff2cdbb38755f8691ea59e9606696b3ff278acfc098fa8226470d03869' +
      '217cee0a9ad79a4493b5253e2e4e3a39fc2df38419f230d341f60cb064a0ac290a3d76f140db8418ba512272381446eb73958670f00cf46f1d9e64cba057b53c' +
      '26f64a8ec70387a13e41430ed3ee4a7db2059cc5fc13c067194bcc0cb49a98552fd72bd9edb657346127da132e5b82ab908f5816c826acb499e22f2412d1a2d7' +
      '0f25929bcb43d5a57391564615c9e70a992b10eafa4db109709649cf48c50dd2198a1f162a73261f112401aa2db79c7dab1533c9935c77290a6ce3b191f2318d' +
      G2_GEN,
    expected: TRUE,
    gas: 147000,
  },
  {
    name: 'jeff6',
    input:
      '1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41' +
      '209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678' +
      '2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550' +
      '111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936' +
      G2_GEN,
    expected: FALSE,
    gas: 113000,
  },
  { name: 'empty_data', input: '', expected: TRUE, gas: 45000 },
  { name: 'one_point', input: ONE_TWO + G2_GEN, expected: FALSE, gas: 79000 },
  { name: 'two_point_match_2', input: ONE_TWO + G2_GEN + ONE_TWO + G2_NEG, expected: TRUE, gas: 113000 },
  {
    name: 'two_point_match_3',
    input:
      ONE_TWO +
      '203e205db4f19b37b60121b83a7333706db86431c6d835849957ed8c3928ad7927dc7234fd11d3e8c36c59277c3e6f149d5cd3cfa9a62aee49f8130962b4b3b9' +
      '195e8aa5b7827463722b8c153931579d3505566b4edf48d498e185f0509de15204bb53b8977e5f92a0bc372742c4830944a59b4fe6b1c0466e2a6dad122b5d2e' +
      '030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd31a76dae6d3272396d0cbe61fced2bc532edac647851e3ac53ce1cc9c7e645a83' +
      G2_GEN,
    expected: TRUE,
    gas: 113000,
  },
  {
    name: 'two_point_match_4',
    input:
      '105456a333e6d636854f987ea7bb713dfd0ae8371a72aea313ae0c32c0bf10160cf031d41b41557f3e7e3ba0c51bebe5da8e6ecd855ec50fc87efcdeac168bcc' +
      '0476be093a6d2b4bbf907172049874af11e1b6267606e00804d3ff0037ec57fd3010c68cb50161b7d1d96bb71edfec9880171954e56871abf3d93cc94d745fa1' +
      '14c059d74e5b6c4ec14ae5864ebe23a71781d86c29fb8fb6cce94f70d3de7a2101b33461f39d9e887dbb100f170a2345dde3c07e256d1dfa2b657ba5cd030427' +
      ONE_TWO +
      '1a2c3013d2ea92e13c800cde68ef56a294b883f6ac35d25f587c09b1b3c635f7290158a80cd3d66530f74dc94c94adb88f5cdb481acca997b6e60071f08a115f' +
      '2f997f3dbd66a7afe07fe7862ce239edba9e05c5afff7f8a1259c9733b2dfbb929d1691530ca701b4a106054688728c9972c8512e9789e9567aae23e302ccd75',
    expected: TRUE,
    gas: 113000,
  },
  {
    name: 'ten_point_match_1',
    input: (ONE_TWO + G2_GEN + ONE_TWO + G2_NEG).repeat(5),
    expected: TRUE,
    gas: 385000,
  },
];

describe('0x06 bn254 add (EIP-196, EIP-1108)', () => {
  for (const v of addVectors) it(v.name, () => checkVector(bn254AddPrecompile, v));

  it('fails on points not on the curve', () => {
    for (const input of [
      word(1n) + word(3n),
      ONE_TWO + word(1n) + word(3n),
      word(0n) + word(1n),
      word(1n) + word(0n),
    ]) {
      expect(bn254AddPrecompile.run(hexToBytes(input), 150)).toEqual({ ok: false, reason: 'InvalidPoint' });
    }
  });

  it('fails on coordinates >= p (even if they reduce to a valid point)', () => {
    for (const input of [
      word(P + 1n) + word(2n),
      word(1n) + word(P + 2n),
      ONE_TWO + word(P) + word(0n),
      word(P) + word(P),
    ]) {
      expect(bn254AddPrecompile.run(hexToBytes(input), 150).ok).toBe(false);
    }
  });

  it('one gas short is OutOfGas, even for invalid points', () => {
    expect(bn254AddPrecompile.run(hexToBytes(ONE_TWO), 149)).toEqual(OUT_OF_GAS);
    expect(bn254AddPrecompile.run(hexToBytes(word(1n) + word(3n)), 149)).toEqual(OUT_OF_GAS);
  });

  it('doubling: G + G = 2G', () => {
    const two = okOutput(bn254MulPrecompile.run(hexToBytes(ONE_TWO + word(2n)), 6000));
    expect(okOutput(bn254AddPrecompile.run(hexToBytes(ONE_TWO + ONE_TWO), 150))).toBe(two);
  });
});

describe('0x07 bn254 mul (EIP-196, EIP-1108)', () => {
  for (const v of mulVectors) it(v.name, () => checkVector(bn254MulPrecompile, v));

  it('infinity and zero scalar give infinity; n·P = infinity; short input is padded', () => {
    const N = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001n;
    expect(okOutput(bn254MulPrecompile.run(hexToBytes(ZERO64 + word(5n)), 6000))).toBe('0x' + ZERO64);
    expect(okOutput(bn254MulPrecompile.run(hexToBytes(ONE_TWO + word(0n)), 6000))).toBe('0x' + ZERO64);
    expect(okOutput(bn254MulPrecompile.run(hexToBytes(ONE_TWO + word(N)), 6000))).toBe('0x' + ZERO64);
    expect(okOutput(bn254MulPrecompile.run(hexToBytes(ONE_TWO), 6000))).toBe('0x' + ZERO64);
    expect(okOutput(bn254MulPrecompile.run(hexToBytes(ONE_TWO + '00'.repeat(31) + '01'), 6000))).toBe('0x' + ONE_TWO);
    expect(okOutput(bn254MulPrecompile.run(new Uint8Array(0), 6000))).toBe('0x' + ZERO64);
  });

  it('fails on invalid points; one gas short is OutOfGas', () => {
    expect(bn254MulPrecompile.run(hexToBytes(word(1n) + word(3n) + word(2n)), 6000)).toEqual({
      ok: false,
      reason: 'InvalidPoint',
    });
    expect(bn254MulPrecompile.run(hexToBytes(word(P + 1n) + word(2n) + word(2n)), 6000).ok).toBe(false);
    expect(bn254MulPrecompile.run(hexToBytes(ONE_TWO + word(2n)), 5999)).toEqual(OUT_OF_GAS);
  });
});

describe('0x08 bn254 pairing (EIP-197, EIP-1108)', () => {
  for (const v of pairingVectors) it(v.name, () => checkVector(bn254PairingPrecompile, v), 30_000);

  it('input length must be a multiple of 192', () => {
    for (const len of [1, 64, 191, 193, 383]) {
      expect(bn254PairingPrecompile.run(new Uint8Array(len), 10_000_000)).toMatchObject({ ok: false });
    }
    // Price counts whole pairs only: 191 bytes cost 45000 → with 44999 it is OutOfGas.
    expect(bn254PairingPrecompile.run(new Uint8Array(191), 44_999)).toEqual(OUT_OF_GAS);
  });

  it('pairs with an infinity contribute 1', () => {
    expect(okOutput(bn254PairingPrecompile.run(hexToBytes(ZERO64 + G2_GEN), 79_000))).toBe('0x' + TRUE);
    expect(okOutput(bn254PairingPrecompile.run(hexToBytes(ONE_TWO + '00'.repeat(128)), 79_000))).toBe('0x' + TRUE);
    expect(okOutput(bn254PairingPrecompile.run(new Uint8Array(192 * 3), 147_000))).toBe('0x' + TRUE);
  });

  it('fails on an invalid G1 point', () => {
    expect(bn254PairingPrecompile.run(hexToBytes(word(1n) + word(3n) + G2_GEN), 79_000)).toEqual({
      ok: false,
      reason: 'InvalidPoint',
    });
    expect(bn254PairingPrecompile.run(hexToBytes(word(P + 1n) + word(2n) + G2_GEN), 79_000).ok).toBe(false);
  });

  it('fails on a G2 point not on the twist, or with a coordinate >= p', () => {
    const bad = G2_GEN.slice(0, 255) + (G2_GEN[255] === '0' ? '1' : '0');
    expect(bn254PairingPrecompile.run(hexToBytes(ONE_TWO + bad), 79_000)).toEqual({
      ok: false,
      reason: 'InvalidPoint',
    });
    // Infinity G1 does not excuse an invalid G2.
    expect(bn254PairingPrecompile.run(hexToBytes(ZERO64 + bad), 79_000).ok).toBe(false);
    const xImPlusP = word(BigInt('0x' + G2_GEN.slice(0, 64)) + P) + G2_GEN.slice(64);
    expect(bn254PairingPrecompile.run(hexToBytes(ONE_TWO + xImPlusP), 79_000).ok).toBe(false);
  });

  it('fails on a G2 point on the twist but outside the order-n subgroup', () => {
    const G2 = bn254.G2.Point;
    const { Fp2 } = bn254.fields;
    const b = G2.CURVE().b;
    let found: { x: { c0: bigint; c1: bigint }; y: { c0: bigint; c1: bigint } } | undefined;
    for (let i = 1n; i < 100n && !found; i++) {
      const x = Fp2.fromBigTuple([i, 1n]);
      const rhs = Fp2.add(Fp2.mul(Fp2.sqr(x), x), b);
      try {
        found = { x, y: Fp2.sqrt(rhs) };
      } catch {
        /* not a square: try the next x */
      }
    }
    expect(found).toBeDefined();
    const q = G2.fromAffine(found! as never);
    expect(q.isTorsionFree()).toBe(false);
    const enc = word(found!.x.c1) + word(found!.x.c0) + word(found!.y.c1) + word(found!.y.c0);
    expect(bn254PairingPrecompile.run(hexToBytes(ONE_TWO + enc), 79_000)).toEqual({
      ok: false,
      reason: 'InvalidPoint',
    });
    expect(bn254PairingPrecompile.run(hexToBytes(ZERO64 + enc), 79_000).ok).toBe(false);
  });

  it('price is 45000 + 34000 per pair', () => {
    expect(bn254PairingPrecompile.run(new Uint8Array(0), 44_999)).toEqual(OUT_OF_GAS);
    expect(bn254PairingPrecompile.run(hexToBytes(ONE_TWO + G2_GEN), 78_999)).toEqual(OUT_OF_GAS);
    expect(bn254PairingPrecompile.run(new Uint8Array(192 * 10), 384_999)).toEqual(OUT_OF_GAS);
    expect(bn254PairingPrecompile.run(new Uint8Array(192 * 10), 385_000)).toMatchObject({ ok: true, gasUsed: 385_000 });
  });
});
